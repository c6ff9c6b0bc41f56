using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace PromiseJs.Reactive.Scheduling;

/// <summary>One piece of Rx work scheduled on a <see cref="PromiseLoopScheduler"/>: the disposable Rx gets back. Disposing
/// it before it runs cancels it; after, it disposes what the work returned (Rx's recursive scheduling relies on that).</summary>
/// <typeparam name="TState">The type of the work's state.</typeparam>
internal sealed class LoopWorkItem<TState>(IScheduler scheduler, TState state, Func<IScheduler, TState, IDisposable> action)
    : IDisposable
{
    private readonly IScheduler _scheduler = scheduler;
    private readonly TState _state = state;
    private readonly Func<IScheduler, TState, IDisposable> _action = action;

    // Disposed by Dispose; assigned once, with what the action returned, when the work runs.
    private SingleAssignmentDisposableValue _result;

    // The fallback timer of work whose loop ended before its due time (see PromiseLoopScheduler); kept so it is not collected.
    private ITimer? _timer;

    // The loop timer's handle (PromiseLoop.SetTimeout's clearTimeout), disposed with the work so the loop stops waiting for it.
    private IDisposable? _loopTimer;

    public bool IsDisposed => _result.IsDisposed;

    public void Invoke()
    {
        if (_result.IsDisposed)
        {
            return;
        }

        _result.Disposable = _action(_scheduler, _state);
    }

    public void StartFallbackTimer(TimeProvider timeProvider, TimeSpan dueTime) =>
        _timer = timeProvider.CreateTimer(
            static item => ((LoopWorkItem<TState>)item!).Invoke(), this, dueTime, Timeout.InfiniteTimeSpan);

    public void SetLoopTimer(IDisposable loopTimer)
    {
        Volatile.Write(ref _loopTimer, loopTimer);
        if (_result.IsDisposed)
        {
            // Disposed while the timer was being created: cancel it now.
            loopTimer.Dispose();
        }
    }

    public void Dispose()
    {
        _result.Dispose();
        _timer?.Dispose();
        Volatile.Read(ref _loopTimer)?.Dispose();
    }
}
