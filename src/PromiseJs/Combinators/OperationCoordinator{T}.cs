using System.Runtime.ExceptionServices;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Combinators;

/// <summary>
/// The result promise of a utility that starts or waits for work over time (<c>Delay</c>, <c>Timeout</c>, <c>Map</c>,
/// <c>Reduce</c>, <c>Retry</c>), which also drives it: a cancellation token, an optional timer (a loop timer inside
/// <see cref="PromiseLoop"/>, else the clock's), and the place and <see cref="ExecutionContext"/> user callbacks run in.
/// </summary>
/// <remarks>Construction and settlement each release it once; the second release cleans up (stops the timer, unregisters
/// from the token, detaches from what it waits for), so cleanup never races with a constructor still writing the fields.</remarks>
internal abstract class OperationCoordinator<T> : Promise<T>
{
    // Where jobs and user callbacks run, and the ExecutionContext callbacks see: captured at the call, like a Then handler's.
    private readonly ReactionContext _context;

    // A TimerEntry (inside a loop, owned by _loop) or an ITimer; null when there is none.
    private object? _timer;
    private LoopCore? _loop;
    private CancellationTokenRegistration _registration;
    private int _releases = 2;

    protected OperationCoordinator()
    {
        _context = ReactionContext.Capture();
    }

    /// <summary>Gets where this coordinator's jobs run.</summary>
    protected PromiseScheduler Scheduler => _context.Scheduler;

    // A promise this coordinator waits for (an item's, an attempt's, the one being timed) settled: handle it as a job
    // (RunJob), one tick later, like a Then handler.
    internal override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(Scheduler, this, source);

    /// <summary>Rejects with <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled
    /// (at once if it already is).</summary>
    protected void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((OperationCoordinator<T>)state!).OnCancelled(token), this);
        }
    }

    private void OnCancelled(CancellationToken token) => Reject(ExceptionDispatchInfo.Capture(new OperationCanceledException(token)));

    /// <summary>Starts the timer that calls <see cref="OnTimerFired"/> after <paramref name="due"/>: a loop timer (on the loop
    /// thread) inside <see cref="PromiseLoop"/>, else the clock's timer (on its thread).</summary>
    protected void StartTimer(TimeSpan due, TimeProvider timeProvider)
    {
        if (LoopCore.Current is { } loop)
        {
            _loop = loop;
            Volatile.Write(ref _timer, loop.AddTimer(due, timeProvider, (Action)OnTimerFired));
        }
        else
        {
            ITimer timer = timeProvider.CreateTimer(
                static state => ((OperationCoordinator<T>)state!).OnTimerFired(), this, due, Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _timer, timer);
        }
    }

    /// <summary>Runs when the timer fires (it does not fire once the result has settled and cleaned up).</summary>
    protected virtual void OnTimerFired()
    {
    }

    /// <summary>Ends construction: call last in every constructor.</summary>
    protected void Constructed() => Release();

    /// <summary>Fulfills the result (first wins).</summary>
    protected void Fulfill(T value)
    {
        if (TryFulfill(value))
        {
            Release();
        }
    }

    /// <summary>Rejects the result (first wins).</summary>
    protected void Reject(ExceptionDispatchInfo reason)
    {
        if (TryReject(reason))
        {
            Release();
        }
    }

    // Settling through the resolution procedure (SettleFrom, a task, a thenable) is first-wins here, and cleans up.
    private protected sealed override void OnResolvedFulfilled(T value) => Fulfill(value);

    private protected sealed override void OnResolvedRejected(ExceptionDispatchInfo reason) => Reject(reason);

    /// <summary>Runs <see cref="Continue"/> in the <see cref="ExecutionContext"/> captured at the call (user callbacks run
    /// there, as <c>Then</c> handlers do).</summary>
    protected void ContinueInContext()
    {
        ExecutionContext? context = _context.ExecutionContext;
        if (CurrentNodeScope.NeedsRun(context))
        {
            ExecutionContext.Run(context!, static state => ((OperationCoordinator<T>)state!).Continue(), this);
            return;
        }

        using (CurrentNodeScope.Enter(context, null))
        {
            Continue();
        }
    }

    /// <summary>The next step of the work, in the captured <see cref="ExecutionContext"/>.</summary>
    protected virtual void Continue()
    {
    }

    /// <summary>Cleans up once the result has settled and construction has ended: the timer, the token, and whatever the
    /// subclass waits for.</summary>
    protected virtual void Cleanup()
    {
        _registration.Unregister();
        StopTimer();
    }

    /// <summary>Stops the timer, if one runs; from any thread.</summary>
    protected void StopTimer()
    {
        switch (Interlocked.Exchange(ref _timer, null))
        {
            case ITimer timer:
                timer.Dispose();
                break;
            case TimerEntry entry:
                // The loop's timer list belongs to its thread: from elsewhere the loop removes it in a task of its own.
                _loop!.CancelTimer(entry);
                break;
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _releases) == 0)
        {
            Cleanup();
        }
    }
}
