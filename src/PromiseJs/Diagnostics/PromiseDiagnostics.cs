using System.Diagnostics.Tracing;

namespace PromiseJs.Diagnostics;

/// <summary>
/// The names a tool needs to listen to the library: the event source <see cref="EventSourceName"/>, its keywords and its
/// counters. <c>dotnet-counters monitor --counters PromiseJs</c> shows the counters; <c>dotnet-trace collect --providers
/// PromiseJs:0x7:5</c> records every event.
/// </summary>
/// <remarks>
/// <para>While nobody listens, the library pays one test of a static field per promise created or settled and allocates
/// nothing. The per-promise events (<see cref="PromisesKeyword"/>) are many, so they are the only ones at level
/// <see cref="EventLevel.Verbose"/>: a session below that level (as <c>dotnet-counters</c> opens) gets the counters and the
/// rare events only, even with keywords 0, which <see cref="EventSource"/> reads as every keyword.</para>
/// <para>An event names a promise or a context by an id that is stable for the object's lifetime and costs no field: its
/// <see cref="System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(object)"/>. Ids are not unique: two objects alive
/// at the same time can share one, so correlate on more than the id when many promises are live.</para>
/// </remarks>
public static class PromiseDiagnostics
{
    /// <summary>The name of the library's <see cref="EventSource"/>.</summary>
    public const string EventSourceName = "PromiseJs";

    /// <summary>The keyword of the per-promise events (created, fulfilled, rejected), at level <see cref="EventLevel.Verbose"/>.</summary>
    public const EventKeywords PromisesKeyword = (EventKeywords)0x1;

    /// <summary>The keyword of the unhandled-rejection events: a rejection reported as unhandled (level
    /// <see cref="EventLevel.Warning"/>) and a reported rejection handled late (level <see cref="EventLevel.Informational"/>).</summary>
    public const EventKeywords RejectionsKeyword = (EventKeywords)0x2;

    /// <summary>The keyword of the promise-tree events: a context created, completed or cancelled (level
    /// <see cref="EventLevel.Informational"/>).</summary>
    public const EventKeywords ContextsKeyword = (EventKeywords)0x4;

    /// <summary>The counter of promises created per second (counted while the source is enabled).</summary>
    public const string CreatedRateCounterName = "promises-created-rate";

    /// <summary>The counter of promises settled per second (counted while the source is enabled).</summary>
    public const string SettledRateCounterName = "promises-settled-rate";

    /// <summary>The counter of promises pending: those created while the source was enabled, less those settled while it was.</summary>
    /// <remarks>Exact when the source is enabled before the promises are made. A promise made before that lowers it when it
    /// settles (it never goes below zero); one settled while nobody listened is never taken off.</remarks>
    public const string PendingCounterName = "promises-pending";

    /// <summary>The counter of rejections reported as unhandled since the process started.</summary>
    public const string UnhandledRejectionsCounterName = "unhandled-rejections";
}
