using PromiseJs.Context;
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

    // An async Promise method called from another one gets its node on first need (see NestedAsyncMethodNodeTests): here
    // work it started on the pool asks for it while the method ends on its own thread, four callers at once. Every node
    // must be made once, told once that its promise settled, and leave the tree, so the caller's nodes finish too.
    [Fact]
    public async Task NestedAsyncMethods_NodesMadeOnOtherThreadsAsTheyEnd_MadeOnceToldOnceNeverLeftInTheTree()
    {
        using var noContext = SynchronizationContextScope.None();
        int calls = ReliabilityScale.Operations(100_000);
        var root = new PromiseContext(new() { Name = "race root" });
        var readers = new Task<PromiseContext?>[calls];
        var callers = new Promise[calls];
        using (root.Enter())
        {
            Parallel.For(0, 4, worker =>
            {
                for (int i = worker; i < calls; i += 4)
                {
                    callers[i] = CallStartingAReader(readers, i);
                }
            });
        }

        PromiseContext?[] nodes = await Task.WhenAll(readers).WaitAsync(ReliabilityScale.Watchdog);

        Assert.All(callers, static caller => Assert.Equal(PromiseState.Fulfilled, caller.State));
        Assert.All(nodes, node =>
        {
            Assert.Equal(nameof(StartReader), node!.ToString());
            Assert.Same(root, node.Parent!.Parent);
            Assert.Equal(PromiseState.Fulfilled, node.State);
            Assert.Empty(node.Parent.Children);
        });
        Assert.Equal(calls, nodes.Distinct().Count());
        Assert.Empty(root.GetPendingChildren(recursive: true));
        Assert.Equal(PromiseState.Fulfilled, root.WhenChildren().State);
    }

    private static async Promise CallStartingAReader(Task<PromiseContext?>[] readers, int index) => await StartReader(readers, index);

    private static async Promise StartReader(Task<PromiseContext?>[] readers, int index)
    {
        readers[index] = Task.Run(static () => PromiseContext.Current);
        await Promise.Resolve();
    }
}
