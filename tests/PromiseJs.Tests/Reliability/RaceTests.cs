using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// Eight threads race on shared promises (<see cref="RaceRound"/>) until a million operations have run: every handler runs
/// exactly once; each promise is settled exactly once and every handler, await, <c>Wait</c> and combinator sees that one
/// outcome; the handlers one thread attached to one promise run in attachment order, never two of one promise at once;
/// <c>Promise.Run</c> in a context racing with its <c>Cancel()</c> runs each body at most once and settles every promise;
/// and nothing deadlocks (a watchdog fails the test, naming what is pending, rather than hang it).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RaceTests
{
    private static readonly int s_operations = ReliabilityScale.Operations(ReliabilityScale.Million);

    [Fact]
    public void SharedPromises_EightThreadsRacingAMillionOperations_EveryHandlerOnceOneOutcomeInOrderNoDeadlock()
    {
        using var noContext = SynchronizationContextScope.None();
        long operations = 0;
        int round = 0;
        while (operations < s_operations)
        {
            operations += new RaceRound(round++).Run();
        }

        Assert.True(operations >= s_operations);
    }
}
