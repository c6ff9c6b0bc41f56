using System.Reactive.Concurrency;
using PromiseJs.Reactive.Scheduling;
using PromiseJs.Scheduling;

namespace PromiseJs.Reactive;

/// <summary>Lets an Rx scheduler decide where promise handlers and promise work run.</summary>
public static class PromiseSchedulerExtensions
{
    /// <summary>Returns a promise scheduler that runs promise jobs as work scheduled on <paramref name="scheduler"/>, for the
    /// <see cref="Context.PromiseContextOptions.Scheduler"/> setting of a promise context.</summary>
    /// <param name="scheduler">The Rx scheduler; with a <see cref="HistoricalScheduler"/> (or any virtual-time scheduler),
    /// promise handlers run when its clock advances, beside the Rx work due at the same time.</param>
    /// <returns>A promise scheduler that schedules each promise job as immediate work on <paramref name="scheduler"/>;
    /// for a <see cref="PromiseLoopScheduler"/>, its loop's own scheduler.</returns>
    /// <remarks>The library still runs the handlers of one promise one after another in attachment order, on top of the Rx
    /// scheduler. A <see cref="PromiseLoopScheduler"/> gives back its loop's own scheduler
    /// (<see cref="PromiseScheduler.CurrentLoop"/>), whose handlers run as microtasks.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scheduler"/> is <see cref="ImmediateScheduler"/> or
    /// <see cref="CurrentThreadScheduler"/>, which may run work inside the call that schedules it: a promise handler must
    /// never run inside <c>Then</c>.</exception>
    public static PromiseScheduler ToPromiseScheduler(this IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (scheduler is ImmediateScheduler or CurrentThreadScheduler)
        {
            throw new ArgumentException(
                $"{scheduler.GetType().Name} can run work inside the call that schedules it, and a promise handler must never " +
                "run inside Then; use a scheduler that runs work later (EventLoopScheduler, TaskPoolScheduler, a virtual-time " +
                "scheduler, PromiseLoopScheduler…).",
                nameof(scheduler));
        }

        return scheduler is PromiseLoopScheduler loopScheduler ? loopScheduler.Loop : new RxPromiseScheduler(scheduler);
    }
}
