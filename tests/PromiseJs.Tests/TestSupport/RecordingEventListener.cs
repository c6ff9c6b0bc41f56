using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using PromiseJs.Diagnostics;

namespace PromiseJs.Tests.TestSupport;

/// <summary>An in-process <see cref="EventListener"/> that enables the library's event source with the given level, keywords
/// and arguments, and records what it writes (events arrive on the thread that writes them; counters on a timer thread).</summary>
public sealed class RecordingEventListener : EventListener
{
    private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();
    private readonly EventLevel _level;
    private readonly EventKeywords _keywords;
    private readonly Dictionary<string, string?>? _arguments;

    // EventListener's constructor reports the sources that exist already, before this constructor's body runs.
    private EventSource? _earlySource;
    private readonly bool _configured;

    public RecordingEventListener(EventLevel level, EventKeywords keywords, Dictionary<string, string?>? arguments = null)
    {
        _level = level;
        _keywords = keywords;
        _arguments = arguments;
        _configured = true;
        if (_earlySource is { } source)
        {
            EnableEvents(source, _level, _keywords, _arguments);
        }
    }

    /// <summary>Gets the events written so far (counter payloads included).</summary>
    public IReadOnlyList<EventWrittenEventArgs> Events => [.. _events];

    /// <summary>Raised for every event, on the thread that wrote it.</summary>
    public event Action<EventWrittenEventArgs>? Written;

    /// <summary>Returns the events named <paramref name="eventName"/> whose <paramref name="payloadName"/> is <paramref name="id"/>.</summary>
    public IReadOnlyList<EventWrittenEventArgs> EventsAbout(string eventName, string payloadName, int id) =>
        [.. Events.Where(e => e.EventName == eventName && Payload(e, payloadName) is int value && value == id)];

    /// <summary>Returns the names of the events whose first payload (the promise's or context's id) is <paramref name="id"/>.</summary>
    public IReadOnlyList<string?> EventNamesAbout(int id) =>
        [.. Events.Where(e => e.EventId > 0 && e.Payload is { Count: > 0 } payload && payload[0] is int value && value == id).Select(e => e.EventName)];

    public static object? Payload(EventWrittenEventArgs e, string name)
    {
        int index = e.PayloadNames?.IndexOf(name) ?? -1;
        return index < 0 ? null : e.Payload![index];
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name != PromiseDiagnostics.EventSourceName)
        {
            return;
        }

        if (_configured)
        {
            EnableEvents(eventSource, _level, _keywords, _arguments);
        }
        else
        {
            _earlySource = eventSource;
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        _events.Enqueue(eventData);
        Written?.Invoke(eventData);
    }
}
