using System.Reactive.Concurrency;
using PromiseJs.Reactive.Scheduling;
using PromiseJs.Scheduling;

namespace PromiseJs.Reactive;

/// <summary>An Rx scheduler that runs work on a <see cref="PromiseLoop"/>'s thread in JavaScript's order: immediate work as
/// loop tasks (node's <c>setImmediate</c>), work with a due time as loop timers (<c>setTimeout</c>).</summary>
/// <remarks>
/// <para>Create it inside <c>PromiseLoop.Run</c> (<see cref="Current"/>); work may then be scheduled from any thread. Rx
/// timers and promise timers (<c>Promise.Delay</c>) share the loop's timer queue, so they fire in due order, timers due
/// together in creation order, each followed by its microtasks (promise handlers) — as in JavaScript.</para>
/// <para>Work with a due time of zero or less is immediate work, as with every Rx scheduler. Work scheduled after the loop has
/// ended runs on the thread pool, as the loop does with tasks posted too late. An exception thrown by scheduled work ends
/// <c>PromiseLoop.Run</c> with that exception, as an exception thrown in a timer callback ends a node script.</para>
/// <para>Disposing scheduled work before it runs cancels it; a cancelled loop timer is removed from the loop (as
/// <c>clearTimeout</c> does), so it no longer keeps <c>PromiseLoop.Run</c> waiting.</para>
/// </remarks>
public sealed class PromiseLoopScheduler : IScheduler
{
    // The loop's synchronization context: posts a loop task from any thread.
    private readonly SynchronizationContext _context;

    private PromiseLoopScheduler(PromiseScheduler loop, SynchronizationContext context, TimeProvider timeProvider)
    {
        Loop = loop;
        _context = context;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets a scheduler for the loop running on the calling thread, with the system clock.</summary>
    /// <exception cref="InvalidOperationException">The calling thread is not inside <c>PromiseLoop.Run</c>.</exception>
    public static PromiseLoopScheduler Current => FromCurrentLoop(TimeProvider.System);

    /// <summary>Gets the clock that measures due times (the loop's timers take it too, so a fake clock drives both).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the current time of <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Gets the loop's own promise scheduler (<see cref="PromiseScheduler.CurrentLoop"/> of the loop thread).</summary>
    internal PromiseScheduler Loop { get; }

    /// <summary>Gets whether the calling thread runs this scheduler's loop: only there can loop timers be created.</summary>
    internal bool IsOnLoop => PromiseLoop.IsRunning && PromiseScheduler.CurrentLoop == Loop;

    /// <summary>Returns a scheduler for the loop running on the calling thread whose due times are measured by
    /// <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock that measures due times and <see cref="Now"/>, and that the loop timers of
    /// this scheduler's work use (a fake clock in tests).</param>
    /// <returns>A scheduler for the loop on the calling thread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The calling thread is not inside <c>PromiseLoop.Run</c>, or code inside the
    /// loop replaced the loop's <see cref="SynchronizationContext"/>.</exception>
    public static PromiseLoopScheduler FromCurrentLoop(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!PromiseLoop.IsRunning)
        {
            throw new InvalidOperationException(
                "PromiseLoopScheduler needs a running loop on this thread; create it inside PromiseLoop.Run(...).");
        }

        PromiseScheduler loop = PromiseScheduler.CurrentLoop;
        SynchronizationContext? context = SynchronizationContext.Current;
        if (context is null || PromiseScheduler.FromSynchronizationContext(context) != loop)
        {
            throw new InvalidOperationException(
                "PromiseLoopScheduler needs the loop's own SynchronizationContext to be current; create it outside code that " +
                "installs another one.");
        }

        return new PromiseLoopScheduler(loop, context, timeProvider);
    }

    /// <summary>Schedules <paramref name="action"/> to run as a loop task.</summary>
    /// <typeparam name="TState">The type of the state passed to the action.</typeparam>
    /// <param name="state">The state passed to <paramref name="action"/>.</param>
    /// <param name="action">Called once on the loop thread, as a loop task after the microtasks queued before it, with
    /// this scheduler and <paramref name="state"/>; the disposable it returns is disposed when the returned one
    /// is.</param>
    /// <returns>A disposable that cancels the work if it has not run yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var item = new LoopWorkItem<TState>(this, state, action);
        _context.Post(static item => ((LoopWorkItem<TState>)item!).Invoke(), item);
        return item;
    }

    /// <summary>Schedules <paramref name="action"/> to run as a loop timer after <paramref name="dueTime"/>.</summary>
    /// <typeparam name="TState">The type of the state passed to the action.</typeparam>
    /// <param name="state">The state passed to <paramref name="action"/>.</param>
    /// <param name="dueTime">How long to wait, as measured by <see cref="TimeProvider"/>; zero or less schedules
    /// immediate work (a loop task).</param>
    /// <param name="action">Called once on the loop thread, as a loop timer once <paramref name="dueTime"/> has passed,
    /// with this scheduler and <paramref name="state"/>; the disposable it returns is disposed when the returned one
    /// is.</param>
    /// <returns>A disposable that cancels the work if it has not run yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueTime"/> is longer than a loop timer can wait
    /// (<see cref="uint.MaxValue"/> - 1 milliseconds, about 49.7 days).</exception>
    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (dueTime.TotalMilliseconds > uint.MaxValue - 1)
        {
            // Refused at the call: off the loop, the timer would otherwise fail later, inside a loop task.
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime,
                $"The dueTime must be at most {uint.MaxValue - 1} milliseconds (about 49.7 days) from now, the longest a loop timer can wait.");
        }

        if (dueTime <= TimeSpan.Zero)
        {
            return Schedule(state, action);
        }

        var item = new LoopWorkItem<TState>(this, state, action);
        if (IsOnLoop)
        {
            item.SetLoopTimer(PromiseLoop.SetTimeout(item.Invoke, dueTime, TimeProvider));
        }
        else
        {
            // Loop timers are created on the loop thread: hop there first, then wait only for what is left of the delay.
            var hop = new LoopTimerHop<TState>(this, item, TimeProvider.GetTimestamp(), dueTime);
            _context.Post(static hop => ((LoopTimerHop<TState>)hop!).Start(), hop);
        }

        return item;
    }

    /// <summary>Schedules <paramref name="action"/> to run as a loop timer at <paramref name="dueTime"/>, as measured by
    /// <see cref="TimeProvider"/>.</summary>
    /// <typeparam name="TState">The type of the state passed to the action.</typeparam>
    /// <param name="state">The state passed to <paramref name="action"/>.</param>
    /// <param name="dueTime">When to run, on the clock of <see cref="TimeProvider"/>; a time already past schedules
    /// immediate work (a loop task).</param>
    /// <param name="action">Called once on the loop thread, as a loop timer at <paramref name="dueTime"/>, with this
    /// scheduler and <paramref name="state"/>; the disposable it returns is disposed when the returned one is.</param>
    /// <returns>A disposable that cancels the work if it has not run yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueTime"/> is further from now than a loop timer can
    /// wait (about 49.7 days).</exception>
    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);
}
