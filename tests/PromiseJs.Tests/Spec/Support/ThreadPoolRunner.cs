namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// Runs the scenario without a loop: handlers go to the thread pool's per-promise queues, and the test thread drives the
/// scenario's fake clock (<see cref="Scenario.Clock"/>): once the handlers queued so far have run, it moves the clock to the
/// next timer's due time, which fires that timer (its handler is queued in turn), and so on until the scenario is over.
/// </summary>
/// <remarks>
/// The suite's timers only order events ("settle later", "check after the others"): with real 10/20 ms timers that order
/// held only as long as the queued handlers finished within the gap. Here the clock never moves before they have, and no
/// test waits for real time. Every wait is bounded by <see cref="Scenarios.Patience"/> and fails the test when it runs out.
/// </remarks>
internal sealed class ThreadPoolRunner(Scenario scenario) : IRunner
{
    // Trips through the job queue before each move of the clock: far more than any chain of handlers a scenario starts.
    private const int DrainHops = 20;

    public void Run(Func<Promise> main)
    {
        // xunit runs a test under its own SynchronizationContext, which would receive the handlers; without a context
        // they go to the thread pool's per-promise queues.
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            DateTime deadline = DateTime.UtcNow + Scenarios.Patience;

            // main itself runs as a job of those queues, as a JavaScript script runs on its thread.
            Promise over = Promise.Resolve().Then(main);
            while (true)
            {
                Scenario.Hop(DrainHops).Wait(Remaining(deadline));
                if (over.IsSettled || !scenario.TryTakeNextDueTime(out DateTimeOffset due))
                {
                    break;
                }

                if (due > scenario.Clock.GetUtcNow())
                {
                    // Fires, on this thread, every timer due by then; their handlers are queued, not run here.
                    scenario.Clock.SetUtcNow(due);
                }
            }

            // Rethrows main's rejection; waits (bounded) for what does not run on the clock, if anything is left.
            over.Wait(Remaining(deadline));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        TimeSpan left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
