using System.Runtime.ExceptionServices;
using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>
/// Holds the reason of a promise that had no reaction when it rejected, and reports it as unhandled unless a reaction
/// comes in time. Allocated only on that path, so promises that never reject (or reject into a waiting handler) pay nothing.
/// </summary>
/// <remarks>Inside a <see cref="PromiseLoop"/> the loop reports it after the microtask checkpoint, as node does; elsewhere
/// <see cref="FinalizableRejectionTracker"/> reports it when the promise is collected, as <c>TaskExceptionHolder</c> does.</remarks>
internal class RejectionTracker
{
    private const int Unhandled = 0;
    private const int Handled = 1;
    private const int Reported = 2;

    private static readonly AsyncLocal<int> s_suppressed = new();

    private readonly Promise _promise;
    private int _status;

    private protected RejectionTracker(Promise promise, ExceptionDispatchInfo info)
    {
        _promise = promise;
        Info = info;
    }

    public ExceptionDispatchInfo Info { get; }

    public Promise Promise => _promise;

    public static bool IsSuppressed => s_suppressed.Value > 0;

    // Whether a handler came before any report (the loop then has nothing left to report for it).
    public bool IsHandled => Volatile.Read(ref _status) == Handled;

    public static RejectionTracker? Create(Promise promise, ExceptionDispatchInfo info)
    {
        if (IsSuppressed)
        {
            return null;
        }

        if (LoopCore.Current is { } loop)
        {
            var tracker = new RejectionTracker(promise, info);
            loop.TrackRejection(tracker);
            return tracker;
        }

        return new FinalizableRejectionTracker(promise, info);
    }

    // A tracker that never reports (a scope reports its children itself; reports may be suppressed): it only records
    // whether the rejection was observed.
    public static RejectionTracker CreateSilent(Promise promise, ExceptionDispatchInfo info) => new(promise, info);

    public static IDisposable Suppress()
    {
        s_suppressed.Value++;
        return new SuppressionScope();
    }

    public void MarkHandled()
    {
        if (Volatile.Read(ref _status) == Handled)
        {
            return;
        }

        int previous = Interlocked.Exchange(ref _status, Handled);
        if (previous == Unhandled)
        {
            // Handled in time: the finalizer (of FinalizableRejectionTracker) has nothing left to report.
#pragma warning disable CA1816 // SuppressFinalize outside Dispose is the point here, as in TaskExceptionHolder.
            GC.SuppressFinalize(this);
#pragma warning restore CA1816
        }
        else if (previous == Reported)
        {
            Promise.RaiseRejectionHandled(_promise, Info.SourceException);
        }
    }

    // Reports the rejection if it is still unhandled; called by the loop after a microtask checkpoint.
    public void ReportIfUnhandled()
    {
        if (Interlocked.CompareExchange(ref _status, Reported, Unhandled) == Unhandled)
        {
            Promise.RaiseUnhandledRejection(_promise, Info.SourceException);
        }
    }

    private protected void ReportFromFinalizer()
    {
        // Raising never throws (a subscriber's exception stays inside Promise.Notify), so the finalizer thread is safe.
        if (Interlocked.CompareExchange(ref _status, Reported, Unhandled) == Unhandled)
        {
            Promise.RaiseUnhandledRejection(_promise, Info.SourceException);
        }
    }

    private sealed class SuppressionScope : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                s_suppressed.Value--;
            }
        }
    }
}
