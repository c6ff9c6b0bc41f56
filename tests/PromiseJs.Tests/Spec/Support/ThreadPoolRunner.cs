namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// Runs the scenario without a loop: handlers go to the shared serial thread-pool queue, and the test thread blocks in
/// <c>Wait(TimeSpan)</c>.
/// </summary>
internal sealed class ThreadPoolRunner : IRunner
{
    public static ThreadPoolRunner Instance { get; } = new();

    public void Run(Func<Promise> main)
    {
        // xunit runs a test under its own SynchronizationContext, which would receive the handlers; without a context
        // they go to the shared serial thread-pool queue.
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            // main itself runs as a job of that queue, as a JavaScript script runs on its thread: no handler it schedules
            // can start before it returns, so the synchronous checks of 2.2.4 are meaningful and free of races.
            Promise.Resolve().Then(main).Wait(Scenarios.Patience);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
