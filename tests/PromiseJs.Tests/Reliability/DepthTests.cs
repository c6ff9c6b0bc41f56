using PromiseJs.Context;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// Depth without stack overflow: a million-long <c>Then</c> chain (built before its root settles, and on a settled root),
/// a million nested adoptions, and an <c>async Promise&lt;int&gt;</c> method recursing a million levels (yielding at each
/// level, so this is the library's work and not plain stack recursion), each inside <see cref="PromiseLoop"/> and on the
/// thread pool. An overflow would crash the test host, so a green run is the proof.
/// </summary>
public sealed class DepthTests
{
    private static readonly int s_depth = ReliabilityScale.Depth(ReliabilityScale.Million);

    [Fact]
    public void ThenChain_BuiltBeforeTheRootResolves_OnTheLoop_RunsEveryHandler() =>
        Assert.Equal(s_depth, Watchdog.RunLoop(() => ChainOnPendingRoot(s_depth), "a then-chain on the loop"));

    [Fact]
    public void ThenChain_BuiltBeforeTheRootResolves_OnThePool_RunsEveryHandler()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Equal(s_depth, Watchdog.Wait(ChainOnPendingRoot(s_depth), "a then-chain on the pool"));
    }

    [Fact]
    public void ThenChain_BuiltOnASettledRoot_OnTheLoop_RunsEveryHandler() =>
        Assert.Equal(s_depth, Watchdog.RunLoop(() => ChainOn(Promise.Resolve(0), s_depth), "a then-chain on the loop"));

    [Fact]
    public void ThenChain_BuiltOnASettledRoot_OnThePool_RunsEveryHandler()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Equal(s_depth, Watchdog.Wait(ChainOn(Promise.Resolve(0), s_depth), "a then-chain on the pool"));
    }

    [Fact]
    public void RejectionThroughThenChain_BuiltBeforeTheRootRejects_OnThePool_ReachesTheEnd()
    {
        using var noContext = SynchronizationContextScope.None();
        var root = Promise.WithResolvers<int>();
        var reason = new InvalidOperationException("deep");
        Promise<int> chain = ChainOn(root.Promise, s_depth);

        root.Reject(reason);

        Assert.Same(reason, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(chain, "a rejected chain")));
    }

    [Fact]
    public void AdoptionChain_EachPromiseAdoptsTheNext_OnTheLoop_SettlesTheOutermost() =>
        Assert.Equal(42, Watchdog.RunLoop(() => NestedAdoptions(s_depth), "an adoption chain on the loop"));

    [Fact]
    public void AdoptionChain_EachPromiseAdoptsTheNext_OnThePool_SettlesTheOutermost()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Equal(42, Watchdog.Wait(NestedAdoptions(s_depth), "an adoption chain on the pool"));
    }

    [Fact]
    public void AdoptionChain_HandlerRecursion_OnTheLoop_SettlesTheOutermost() =>
        Assert.Equal(s_depth, Watchdog.RunLoop(() => CountDown(s_depth, 0), "a recursive adoption on the loop"));

    [Fact]
    public void AdoptionChain_HandlerRecursion_OnThePool_SettlesTheOutermost()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Equal(s_depth, Watchdog.Wait(CountDown(s_depth, 0), "a recursive adoption on the pool"));
    }

    [Fact]
    public void RecursiveAsyncMethod_YieldingAtEachLevel_OnTheLoop_ReturnsTheDepth() =>
        Assert.Equal(s_depth, Watchdog.RunLoop(() => Recurse(s_depth), "a recursive async method on the loop"));

    [Fact]
    public void RecursiveAsyncMethod_YieldingAtEachLevel_OnThePool_ReturnsTheDepth()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Equal(s_depth, Watchdog.Wait(Recurse(s_depth), "a recursive async method on the pool"));
    }

    [Fact]
    public void NestedWork_EachNodeWaitingOnlyForItsChild_OnTheLoop_AllFinish() =>
        Assert.Equal(s_depth, Watchdog.RunLoop(() => NestedNodes(s_depth), "nested work nodes on the loop"));

    [Fact]
    public void NestedWork_EachNodeWaitingOnlyForItsChild_OnThePool_AllFinish()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Equal(s_depth, Watchdog.Wait(NestedNodes(s_depth), "nested work nodes on the pool"));
    }

    // A tree node finishes once its promise has settled and its children have finished: here every node's work settles
    // at once after starting one child, so the whole chain of nodes finishes when the innermost one does.
    private static Promise<int> NestedNodes(int depth)
    {
        var innermost = Promise.WithResolvers();
        int started = 0;
        var outermost = new PromiseContext();
        void Nest(int remaining) => _ = Promise.Run(() =>
        {
            Interlocked.Increment(ref started);
            if (remaining == 0)
            {
                innermost.Resolve();
                return;
            }

            Nest(remaining - 1);
        });

        using (outermost.Enter())
        {
            Nest(depth - 1);
        }

        return outermost.WhenChildren().Then(() => Volatile.Read(ref started));
    }

    private static Promise<int> ChainOnPendingRoot(int depth)
    {
        var root = Promise.WithResolvers<int>();
        Promise<int> chain = ChainOn(root.Promise, depth);
        root.Resolve(0);
        return chain;
    }

    private static Promise<int> ChainOn(Promise<int> root, int depth)
    {
        Promise<int> chain = root;
        for (int i = 0; i < depth; i++)
        {
            chain = chain.Then(x => x + 1);
        }

        return chain;
    }

    // p₀ adopts p₁, which adopts p₂, … which adopts the innermost, resolved last: settling it settles all of them.
    private static Promise<int> NestedAdoptions(int depth)
    {
        var innermost = Promise.WithResolvers<int>();
        Promise<int> current = innermost.Promise;
        var start = Promise.WithResolvers();
        for (int i = 0; i < depth; i++)
        {
            Promise<int> inner = current;
            current = start.Promise.Then(() => inner);
        }

        start.Resolve();
        _ = start.Promise.Then(() => innermost.Resolve(42));
        return current;
    }

    // The JavaScript idiom for an asynchronous loop: each step's handler returns the promise of the rest.
    private static Promise<int> CountDown(int remaining, int done) =>
        remaining == 0 ? Promise.Resolve(done) : Promise.Resolve(remaining).Then(r => CountDown(r - 1, done + 1));

    private static async Promise<int> Recurse(int level)
    {
        // Yields on the loop and on the pool alike (outside a loop an await of a settled promise would not).
        await Promise.Resolve().ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        return level == 0 ? 0 : await Recurse(level - 1) + 1;
    }
}
