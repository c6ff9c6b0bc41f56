using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary>
/// <see cref="PromiseStart"/>: eager (the default) or lazy (the work begins on the first <c>Then</c>, <c>await</c> or
/// blocking wait), set per call, per context for its children, or globally with <see cref="PromiseContext.DefaultStart"/>;
/// the <see cref="PromiseStart.Inherit"/> and <see cref="PromiseStart.Default"/> sentinels; all resolved and frozen when a
/// node is created.
/// </summary>
/// <remarks>Some tests change the global default, which every node created anywhere reads: the class runs alone.</remarks>
[Collection(GlobalDefaultStartGroup.Name)]
public sealed class PromiseStartTests
{
    // ----- eager: the default -----

    [Fact]
    public void DefaultStart_Initially_IsEager()
    {
        Assert.Equal(PromiseStart.Eager, PromiseContext.DefaultStart);
    }

    [Fact]
    public void Run_NoPolicyAnywhere_StartsTheWorkAtOnce()
    {
        var counter = new CallCounter();

        Promise<int> promise = counter.Run();

        Assert.Equal(1, counter.Calls);
        // The returned promise is adopted two jobs later, as a JavaScript async function's is.
        Assert.Equal(1, promise.Wait(TestTimeouts.Generous));
    }

    // ----- lazy, per call -----

    [Fact]
    public void Run_LazyPerCall_StartsOnTheFirstThenOnly()
    {
        var counter = new CallCounter();

        Promise<int> promise = counter.Run(new() { Start = PromiseStart.Lazy });
        Assert.Equal(0, counter.Calls);
        Assert.Equal(PromiseState.Pending, promise.State);

        promise.Then(x => x);
        Assert.Equal(1, counter.Calls);

        promise.Then(x => x);
        promise.Catch(_ => 0);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public async Task Run_LazyPerCall_StartsOnAwait()
    {
        var counter = new CallCounter();
        Promise<int> promise = counter.Run(new() { Start = PromiseStart.Lazy });
        Assert.Equal(0, counter.Calls);

        int value = await promise;

        Assert.Equal(1, value);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public void Run_LazyPerCall_StartsOnABlockingWait()
    {
        using var noContext = SynchronizationContextScope.None();
        var counter = new CallCounter();
        Promise<int> promise = counter.Run(new() { Start = PromiseStart.Lazy });
        Assert.Equal(0, counter.Calls);

        Assert.Equal(1, promise.Wait(TestTimeouts.Generous));
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public void Run_LazyPerCall_ReadingStateDoesNotStartIt()
    {
        var counter = new CallCounter();
        Promise<int> promise = counter.Run(new() { Start = PromiseStart.Lazy });

        Assert.Equal(PromiseState.Pending, promise.State);
        Assert.Null(promise.Reason);
        Assert.Throws<InvalidOperationException>(() => promise.Value);

        Assert.Equal(0, counter.Calls);
    }

    [Fact]
    public void Run_LazySyncForm_PostsItsWorkToTheSchedulerOnlyOnTheFirstThen()
    {
        var scheduler = new ManualPromiseScheduler();
        int calls = 0;

        Promise<int> promise = Promise.Run(() => ++calls, new() { Start = PromiseStart.Lazy, Scheduler = scheduler });
        Assert.Equal(0, scheduler.PostCount);

        promise.Then(x => x);
        scheduler.RunAll();

        Assert.Equal(1, calls);
        Assert.Equal(1, promise.Value);
    }

    [Fact]
    public void Run_LazyNode_StartIsResolvedToLazy()
    {
        PromiseContext? node = null;
        Promise<int> promise = Promise.Run(
            () =>
            {
                node = PromiseContext.Current;
                return Promise.Resolve(1);
            },
            new() { Start = PromiseStart.Lazy });

        promise.Then(x => x);

        Assert.Equal(PromiseStart.Lazy, node!.Start);
    }

    // ----- per context, for children -----

    [Fact]
    public void ChildrenStart_LazyContext_ChildrenThatLeaveTheirsUnsetAreLazy()
    {
        var context = new PromiseContext(new() { ChildrenStart = PromiseStart.Lazy });
        var unset = new CallCounter();
        var eager = new CallCounter();

        using (context.Enter())
        {
            unset.Run();
            eager.Run(new() { Start = PromiseStart.Eager });
        }

        Assert.Equal(0, unset.Calls);
        Assert.Equal(1, eager.Calls);
        Assert.Equal(PromiseStart.Eager, context.Start);
    }

    [Fact]
    public void ChildrenStart_WithParentOption_AppliesToo()
    {
        var context = new PromiseContext(new() { ChildrenStart = PromiseStart.Lazy });
        var counter = new CallCounter();

        counter.Run(new() { Parent = context });

        Assert.Equal(0, counter.Calls);
        Assert.Equal(PromiseStart.Lazy, Assert.Single(context.Children).Start);
    }

    [Fact]
    public void ChildrenStart_UnsetOnAChild_PassesTheParentsPolicyDownToGrandchildren()
    {
        var root = new PromiseContext(new() { ChildrenStart = PromiseStart.Lazy });
        var child = new PromiseContext(new() { Parent = root });
        var grandchild = new PromiseContext(new() { Parent = child });

        Assert.Equal(PromiseStart.Lazy, child.Start);
        Assert.Equal(PromiseStart.Lazy, child.ChildrenStart);
        Assert.Equal(PromiseStart.Lazy, grandchild.Start);
    }

    [Fact]
    public void ChildrenStart_NotSetAnywhere_IsNull()
    {
        var root = new PromiseContext();
        var child = new PromiseContext(new() { Parent = root });

        Assert.Null(root.ChildrenStart);
        Assert.Null(child.ChildrenStart);
    }

    [Fact]
    public void ChildrenStart_Inherit_IsTheContextsOwnStart()
    {
        var context = new PromiseContext(new() { Start = PromiseStart.Lazy, ChildrenStart = PromiseStart.Inherit });

        Assert.Equal(PromiseStart.Lazy, context.ChildrenStart);
        Assert.Equal(PromiseStart.Lazy, new PromiseContext(new() { Parent = context }).Start);
    }

    // ----- the sentinels -----

    [Fact]
    public void Start_Inherit_TakesTheParentsOwnPolicyNotItsChildrenPolicy()
    {
        var parent = new PromiseContext(new() { Start = PromiseStart.Lazy, ChildrenStart = PromiseStart.Eager });

        var inheriting = new PromiseContext(new() { Parent = parent, Start = PromiseStart.Inherit });
        var unset = new PromiseContext(new() { Parent = parent });

        Assert.Equal(PromiseStart.Lazy, inheriting.Start);
        Assert.Equal(PromiseStart.Eager, unset.Start);
    }

    [Fact]
    public void Start_InheritOnRunWork_TakesTheParentsOwnPolicy()
    {
        var parent = new PromiseContext(new() { Start = PromiseStart.Lazy });
        var counter = new CallCounter();

        counter.Run(new() { Parent = parent, Start = PromiseStart.Inherit });

        Assert.Equal(0, counter.Calls);
    }

    [Fact]
    public void Start_InheritWithoutAParent_TakesTheGlobalDefault()
    {
        PromiseStart saved = PromiseContext.DefaultStart;
        try
        {
            PromiseContext.DefaultStart = PromiseStart.Lazy;

            Assert.Equal(PromiseStart.Lazy, new PromiseContext(new() { Orphan = true, Start = PromiseStart.Inherit }).Start);
        }
        finally
        {
            PromiseContext.DefaultStart = saved;
        }
    }

    [Fact]
    public void Start_OfANestedAsyncMethodsNodeMadeOnlyWhenItSuspends_IsTheGlobalDefaultAtTheCall()
    {
        PromiseStart saved = PromiseContext.DefaultStart;
        try
        {
            PromiseContext.DefaultStart = PromiseStart.Eager;
            var gate = Promise.WithResolvers();
            var seen = new StrongBox<PromiseContext?>();

            Promise outer = CallChangingTheDefault(gate.Promise, seen);
            PromiseContext.DefaultStart = saved;
            gate.Resolve();
            outer.Wait(TimeSpan.FromSeconds(30));

            Assert.Equal(nameof(ChangeTheDefaultThenSuspend), seen.Value?.ToString());
            Assert.Equal(PromiseStart.Eager, seen.Value!.Start);
        }
        finally
        {
            PromiseContext.DefaultStart = saved;
        }
    }

    private static async Promise CallChangingTheDefault(Promise gate, StrongBox<PromiseContext?> seen) =>
        await ChangeTheDefaultThenSuspend(gate, seen);

    // Its node is made at its first suspension, after the global default changed.
    private static async Promise ChangeTheDefaultThenSuspend(Promise gate, StrongBox<PromiseContext?> seen)
    {
        PromiseContext.DefaultStart = PromiseStart.Lazy;
        await gate;
        seen.Value = PromiseContext.Current;
    }

    [Fact]
    public void Start_Default_ReadsTheGlobalDefaultIgnoringTheParentsChildrenPolicy()
    {
        var parent = new PromiseContext(new() { ChildrenStart = PromiseStart.Lazy });
        var counter = new CallCounter();

        counter.Run(new() { Parent = parent, Start = PromiseStart.Default });

        Assert.Equal(1, counter.Calls);
        Assert.Equal(PromiseStart.Eager, new PromiseContext(new() { Parent = parent, Start = PromiseStart.Default }).Start);
    }

    [Fact]
    public void Start_AnySetting_IsResolvedToEagerOrLazy()
    {
        var parent = new PromiseContext(new() { Start = PromiseStart.Lazy, ChildrenStart = PromiseStart.Eager });
        PromiseStart?[] settings = [null, PromiseStart.Default, PromiseStart.Inherit, PromiseStart.Eager, PromiseStart.Lazy];

        foreach (PromiseStart? setting in settings)
        {
            var node = new PromiseContext(new() { Parent = parent, Start = setting, ChildrenStart = setting });

            Assert.Contains(node.Start, new[] { PromiseStart.Eager, PromiseStart.Lazy });
            Assert.True(node.ChildrenStart is null or PromiseStart.Eager or PromiseStart.Lazy, $"ChildrenStart was {node.ChildrenStart}");
        }
    }

    // ----- the global default -----

    [Fact]
    public void DefaultStart_SetToLazy_NodesCreatedAfterwardAreLazy()
    {
        var counter = new CallCounter();
        Promise<int> promise;
        PromiseStart saved = PromiseContext.DefaultStart;
        try
        {
            PromiseContext.DefaultStart = PromiseStart.Lazy;
            promise = counter.Run();
            Assert.Equal(0, counter.Calls);
        }
        finally
        {
            PromiseContext.DefaultStart = saved;
        }

        promise.Then(x => x);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public void DefaultStart_ChangedAfterANodeWasCreated_DoesNotChangeThatNode()
    {
        var counter = new CallCounter();
        Promise<int> lazyPromise;
        PromiseContext eagerContext;
        PromiseStart saved = PromiseContext.DefaultStart;
        try
        {
            PromiseContext.DefaultStart = PromiseStart.Lazy;
            lazyPromise = counter.Run();

            PromiseContext.DefaultStart = PromiseStart.Eager;
            eagerContext = new PromiseContext(new() { ChildrenStart = PromiseStart.Default });

            PromiseContext.DefaultStart = PromiseStart.Lazy;
            Assert.Equal(0, counter.Calls);
            Assert.Equal(PromiseStart.Eager, eagerContext.ChildrenStart);

            var childCounter = new CallCounter();
            childCounter.Run(new() { Parent = eagerContext });
            Assert.Equal(1, childCounter.Calls);
        }
        finally
        {
            PromiseContext.DefaultStart = saved;
        }

        Assert.Equal(0, counter.Calls);
        lazyPromise.Then(x => x);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public void ChildrenStart_Default_IsTheGlobalDefaultAtTheContextsCreation()
    {
        PromiseStart saved = PromiseContext.DefaultStart;
        try
        {
            PromiseContext.DefaultStart = PromiseStart.Lazy;
            var context = new PromiseContext(new() { ChildrenStart = PromiseStart.Default });
            PromiseContext.DefaultStart = PromiseStart.Eager;

            Assert.Equal(PromiseStart.Lazy, context.ChildrenStart);
            Assert.Equal(PromiseStart.Lazy, new PromiseContext(new() { Parent = context }).Start);
        }
        finally
        {
            PromiseContext.DefaultStart = saved;
        }
    }

    [Theory]
    [InlineData(PromiseStart.Default)]
    [InlineData(PromiseStart.Inherit)]
    [InlineData((PromiseStart)42)]
    public void DefaultStart_SetToASentinelOrUndefinedValue_ThrowsArgumentOutOfRangeException(PromiseStart value)
    {
        PromiseStart saved = PromiseContext.DefaultStart;
        try
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => PromiseContext.DefaultStart = value);
            Assert.Equal(saved, PromiseContext.DefaultStart);
        }
        finally
        {
            PromiseContext.DefaultStart = saved;
        }
    }

    // Starts a node whose asynchronous work (called inline when it starts) counts its calls.
    private sealed class CallCounter
    {
        public int Calls { get; private set; }

        public Promise<int> Run(PromiseContextOptions? options = null) => Promise.Run(
            () =>
            {
                Calls++;
                return Promise.Resolve(Calls);
            },
            options);
    }
}
