using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using PromiseJs.Context;

namespace PromiseJs.Diagnostics;

/// <summary>
/// The library's <see cref="EventSource"/> (<see cref="PromiseDiagnostics.EventSourceName"/>): per-promise events, the
/// unhandled-rejection events, the promise-tree events, and counters for <c>dotnet-counters</c>.
/// </summary>
/// <remarks>
/// The hot paths (a promise made, a promise settled) test <see cref="IsOn"/>, one static field, and call in here only when
/// somebody listens; every helper they call is kept out of line so the disabled path stays one branch.
/// </remarks>
[EventSource(Name = PromiseDiagnostics.EventSourceName)]
internal sealed class PromiseEventSource : EventSource
{
    public static readonly PromiseEventSource Log = new();

    // True while any listener or session may enable this source. Set on every Enable command (EventSource has already
    // switched itself on then); a Disable command arrives before EventSource switches itself off, so the helpers below turn
    // it off themselves when they find the source disabled. A plain static, not IsEnabled(): one load, no instance call.
    private static bool s_enabled;

    // Counted only while enabled, so the disabled path never touches a shared cache line; rejections reported as unhandled
    // are rare and counted always.
    private static long s_created;
    private static long s_settled;
    private static long s_unhandled;

    // Made on the first Enable command and kept: EventSource publishes them only to sessions that ask for counters.
    private IncrementingPollingCounter? _createdRate;
    private IncrementingPollingCounter? _settledRate;
    private PollingCounter? _pending;
    private PollingCounter? _unhandledRejections;

    private PromiseEventSource()
    {
    }

    /// <summary>Gets whether anybody may listen: the one test the hot paths make.</summary>
    public static bool IsOn
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_enabled;
    }

    public static long CreatedCount => Volatile.Read(ref s_created);

    public static long SettledCount => Volatile.Read(ref s_settled);

    public static long PendingCount => Math.Max(0, Volatile.Read(ref s_created) - Volatile.Read(ref s_settled));

    public static long UnhandledCount => Volatile.Read(ref s_unhandled);

    // ----- called from the library (only after IsOn was true, except the rare rejection paths) -----

    [NonEvent]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnCreated(Promise promise)
    {
        if (!StillOn())
        {
            return;
        }

        Interlocked.Increment(ref s_created);
        if (Log.IsEnabled(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword))
        {
            Log.PromiseCreated(IdOf(promise));
        }
    }

    // A promise made already fulfilled: created and settled at once.
    [NonEvent]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnCreatedFulfilled(Promise promise)
    {
        if (!StillOn())
        {
            return;
        }

        Interlocked.Increment(ref s_created);
        Interlocked.Increment(ref s_settled);
        if (Log.IsEnabled(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword))
        {
            int id = IdOf(promise);
            Log.PromiseCreated(id);
            Log.PromiseFulfilled(id);
        }
    }

    [NonEvent]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnSettled(Promise promise)
    {
        if (!StillOn())
        {
            return;
        }

        Interlocked.Increment(ref s_settled);
        if (Log.IsEnabled(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword))
        {
            if (promise.Reason is { } reason)
            {
                Log.PromiseRejected(IdOf(promise), TypeName(reason), reason.Message);
            }
            else
            {
                Log.PromiseFulfilled(IdOf(promise));
            }
        }
    }

    [NonEvent]
    public static void OnUnhandledRejection(Promise promise, Exception reason)
    {
        Interlocked.Increment(ref s_unhandled);
        if (IsOn && Log.IsEnabled(EventLevel.Warning, PromiseDiagnostics.RejectionsKeyword))
        {
            Log.UnhandledRejection(IdOf(promise), TypeName(reason), reason.Message);
        }
    }

    [NonEvent]
    public static void OnSubscriberFailed(string eventName, Exception exception)
    {
        if (IsOn && Log.IsEnabled(EventLevel.Error, PromiseDiagnostics.RejectionsKeyword))
        {
            Log.SubscriberFailed(eventName, TypeName(exception), exception.Message);
        }
    }

    [NonEvent]
    public static void OnRejectionHandled(Promise promise)
    {
        if (IsOn && Log.IsEnabled(EventLevel.Informational, PromiseDiagnostics.RejectionsKeyword))
        {
            Log.RejectionHandled(IdOf(promise));
        }
    }

    [NonEvent]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnContextCreated(PromiseContext context)
    {
        if (StillOn() && Log.IsEnabled(EventLevel.Informational, PromiseDiagnostics.ContextsKeyword))
        {
            Log.ContextCreated(IdOf(context), context.Parent is { } parent ? IdOf(parent) : 0, context.Name ?? string.Empty);
        }
    }

    [NonEvent]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnContextCompleted(PromiseContext context, PromiseState state)
    {
        if (StillOn() && Log.IsEnabled(EventLevel.Informational, PromiseDiagnostics.ContextsKeyword))
        {
            Log.ContextCompleted(IdOf(context), context.ToString(), state);
        }
    }

    [NonEvent]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnContextCancelled(PromiseContext context)
    {
        if (StillOn() && Log.IsEnabled(EventLevel.Informational, PromiseDiagnostics.ContextsKeyword))
        {
            Log.ContextCancelled(IdOf(context));
        }
    }

    // The id of an object in the events: stable for its lifetime, no field and no table (see PromiseDiagnostics).
    [NonEvent]
    public static int IdOf(object value) => RuntimeHelpers.GetHashCode(value);

    // ----- the events -----

    [Event(1, Level = EventLevel.Verbose, Keywords = Keywords.Promises, Message = "Promise {0} created")]
    public void PromiseCreated(int promiseId) => WriteEvent(1, promiseId);

    [Event(2, Level = EventLevel.Verbose, Keywords = Keywords.Promises, Message = "Promise {0} fulfilled")]
    public void PromiseFulfilled(int promiseId) => WriteEvent(2, promiseId);

    [Event(3, Level = EventLevel.Verbose, Keywords = Keywords.Promises, Message = "Promise {0} rejected with {1}: {2}")]
    public void PromiseRejected(int promiseId, string reasonType, string reasonMessage) =>
        WriteEvent(3, promiseId, reasonType, reasonMessage);

    [Event(4, Level = EventLevel.Warning, Keywords = Keywords.Rejections, Message = "Unhandled rejection of promise {0}: {1}: {2}")]
    public void UnhandledRejection(int promiseId, string reasonType, string reasonMessage) =>
        WriteEvent(4, promiseId, reasonType, reasonMessage);

    [Event(5, Level = EventLevel.Informational, Keywords = Keywords.Rejections, Message = "Rejection of promise {0} handled late")]
    public void RejectionHandled(int promiseId) => WriteEvent(5, promiseId);

    [Event(6, Level = EventLevel.Informational, Keywords = Keywords.Contexts, Message = "Context {0} '{2}' created under {1}")]
    public void ContextCreated(int contextId, int parentId, string name) => WriteEvent(6, contextId, parentId, name);

    [Event(7, Level = EventLevel.Informational, Keywords = Keywords.Contexts, Message = "Context {0} '{1}' completed: {2}")]
    public void ContextCompleted(int contextId, string name, PromiseState state) => WriteEvent(7, contextId, name, (int)state);

    [Event(8, Level = EventLevel.Informational, Keywords = Keywords.Contexts, Message = "Context {0} cancelled")]
    public void ContextCancelled(int contextId) => WriteEvent(8, contextId);

    [Event(9, Level = EventLevel.Error, Keywords = Keywords.Rejections, Message = "A subscriber of Promise.{0} threw {1}: {2}")]
    public void SubscriberFailed(string eventName, string exceptionType, string exceptionMessage) =>
        WriteEvent(9, eventName, exceptionType, exceptionMessage);

    /// <inheritdoc/>
    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        if (command.Command != EventCommand.Enable)
        {
            return;
        }

        Volatile.Write(ref s_enabled, true);

        // Made here, on this instance: the command of a session that exists already arrives inside the constructor,
        // before Log is assigned.
        _createdRate ??= new IncrementingPollingCounter(PromiseDiagnostics.CreatedRateCounterName, this, static () => CreatedCount)
        {
            DisplayName = "Promises created",
            DisplayRateTimeScale = TimeSpan.FromSeconds(1),
        };
        _settledRate ??= new IncrementingPollingCounter(PromiseDiagnostics.SettledRateCounterName, this, static () => SettledCount)
        {
            DisplayName = "Promises settled",
            DisplayRateTimeScale = TimeSpan.FromSeconds(1),
        };
        _pending ??= new PollingCounter(PromiseDiagnostics.PendingCounterName, this, static () => PendingCount)
        {
            DisplayName = "Promises pending",
        };
        _unhandledRejections ??= new PollingCounter(PromiseDiagnostics.UnhandledRejectionsCounterName, this, static () => UnhandledCount)
        {
            DisplayName = "Unhandled rejections (total)",
        };
    }

    // The slow path's first step: the hot-path flag may outlive the last session by one call.
    private static bool StillOn()
    {
        if (Log.IsEnabled())
        {
            return true;
        }

        // A session enabling the source meanwhile has set the flag before this write or will find it set after the check
        // below: the barrier keeps the check from reading the source's state from before the write.
        Volatile.Write(ref s_enabled, false);
        Interlocked.MemoryBarrier();
        if (Log.IsEnabled())
        {
            Volatile.Write(ref s_enabled, true);
            return true;
        }

        return false;
    }

    private static string TypeName(Exception reason) => reason.GetType().FullName ?? reason.GetType().Name;

    // The keywords as EventSource wants them: a nested class named Keywords (the public values are in PromiseDiagnostics).
    public static class Keywords
    {
        public const EventKeywords Promises = PromiseDiagnostics.PromisesKeyword;
        public const EventKeywords Rejections = PromiseDiagnostics.RejectionsKeyword;
        public const EventKeywords Contexts = PromiseDiagnostics.ContextsKeyword;
    }
}
