using System.Runtime.ExceptionServices;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// Runs the scenario inside <c>PromiseLoop.Run</c>, on a thread of its own so that a scenario that never ends (a loop
/// waiting forever for a promise that never settles) fails the test after <see cref="Scenarios.Patience"/> instead of hanging
/// the run. The loop returns once main's promise settled and nothing is queued, timers included.
/// </summary>
internal sealed class LoopRunner : IRunner
{
    public static LoopRunner Instance { get; } = new();

    public void Run(Func<Promise> main)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                PromiseLoop.Run(main);
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = "A+ spec PromiseLoop",
        };

        thread.Start();
        if (!thread.Join(Scenarios.Patience))
        {
            throw new TimeoutException($"The scenario's PromiseLoop.Run did not return within {Scenarios.Patience}.");
        }

        failure?.Throw();
    }
}
