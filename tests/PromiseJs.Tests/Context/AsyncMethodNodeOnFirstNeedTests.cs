using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Scheduling;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary>
/// An <c>async Promise</c> method gets its tree node only when it first suspends or somebody asks for it (the cost of the
/// tree is not paid by calls that complete at once); only under a scope, or while the event source is on, is it made at
/// the call. Everything a caller can observe stays as if the node had been made at the call: these tests pin the places
/// where the difference could show.
/// </summary>
public sealed class AsyncMethodNodeOnFirstNeedTests
{
    // ----- the node, when somebody asks for it -----

    [Fact]
    public void Current_InANestedMethodThatCompletesAtOnce_IsItsOwnNode_AChildOfTheCallersNode()
    {
        var root = new PromiseContext(new() { Name = "root" });
        var seen = new Seen();
        Promise outer;
        using (root.Enter())
        {
            outer = Outer(seen, static s => Inner(s));
        }

        Assert.Equal(PromiseState.Fulfilled, outer.State);
        PromiseContext inner = seen.Inner!;
        Assert.Equal(nameof(Inner), inner.ToString());
        Assert.Same(seen.Outer, inner.Parent);
        Assert.Same(root, seen.Outer!.Parent);
        Assert.Equal(PromiseState.Fulfilled, inner.State);
        Assert.Same(seen.InnerPromise, inner.Completion);
        Assert.Empty(root.GetPendingChildren(recursive: true));
    }

    [Fact]
    public void Scheduler_OfARootMethodsNodeMadeAfterItChangedTheSynchronizationContext_IsTheOneOfTheCall()
    {
        using var noContext = SynchronizationContextScope.None();
        var seen = new StrongBox<PromiseContext?>();

        _ = ChangeTheSynchronizationContextThenReadCurrent(seen);

        Assert.Null(seen.Value!.Parent);
        Assert.Same(PromiseScheduler.ThreadPool, seen.Value.Scheduler);
        Assert.Null(SynchronizationContext.Current);
    }

    [Fact]
    public void GetPendingChildren_OfTheCallerFromInsideTheNestedMethod_ListsTheNestedMethod()
    {
        var seen = new Seen();

        _ = Outer(seen, static s => ListCallersChildren(s));

        Assert.Equal([nameof(ListCallersChildren)], seen.CallersChildren);
    }

    [Fact]
    public void PromiseRun_InsideANestedMethod_IsAChildOfTheNestedMethodsNode()
    {
        var seen = new Seen();

        _ = Outer(seen, static s => StartRun(s));

        PromiseContext runNode = seen.RunWork!.Wait();
        Assert.Equal(nameof(StartRun), runNode.Parent?.ToString());
        Assert.Same(seen.Outer, runNode.Parent!.Parent);
    }

    [Fact]
    public async Task Current_ReadByWorkTheNestedMethodStartedAfterItCompleted_IsItsSettledNode_NotLeftInTheTree()
    {
        var root = new PromiseContext(new() { Name = "root" });
        var gate = new ManualResetEventSlim();
        var seen = new Seen { Gate = gate };
        Promise outer;
        using (root.Enter())
        {
            outer = Outer(seen, static s => StartTaskThatReadsCurrentLater(s));
        }

        Assert.Equal(PromiseState.Fulfilled, outer.State);
        gate.Set();
        PromiseContext? late = await seen.ReadLater!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(late);
        Assert.Equal(nameof(StartTaskThatReadsCurrentLater), late.ToString());
        Assert.Same(seen.Outer, late.Parent);
        Assert.Equal(PromiseState.Fulfilled, late.State);
        Assert.Empty(seen.Outer!.Children);
        Assert.Empty(root.GetPendingChildren(recursive: true));
        Assert.Equal(PromiseState.Fulfilled, root.WhenChildren().State);
    }

    // ----- suspending puts it in the tree -----

    [Fact]
    public void NestedMethodThatSuspends_IsPendingInTheTree_UntilItEnds()
    {
        var root = new PromiseContext(new() { Name = "root" });
        var gate = Promise.WithResolvers();
        Promise outer;
        using (root.Enter())
        {
            outer = Outer(new Seen(), _ => WaitFor(gate.Promise));
        }

        Assert.Equal(["Outer", "WaitFor"], root.GetPendingChildren(recursive: true).Select(static node => node.ToString()));
        Assert.Contains("WaitFor [pending", root.ToTreeString(), StringComparison.Ordinal);
        Promise whenChildren = root.WhenChildren();
        Assert.Equal(PromiseState.Pending, whenChildren.State);

        gate.Resolve();
        whenChildren.Wait(TimeSpan.FromSeconds(30));
        outer.Wait(TimeSpan.FromSeconds(30));
        Assert.Empty(root.GetPendingChildren(recursive: true));
    }

    // ----- cancellation reaches it as it would reach a node made at the call -----

    // From inside the nested method's flow (its node is made for the cancellation to reach it), or from a thread whose flow
    // does not carry it (its end finds the caller cancelled).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cancel_OfTheCallerWhileTheNestedMethodRuns_RejectsTheNestedMethodsPromise(bool fromAFlowOfItsOwn)
    {
        var seen = new Seen();

        Promise outer = fromAFlowOfItsOwn
            ? Outer(seen, static s => CancelCallerFromAFlowOfItsOwn(s))
            : Outer(seen, static s => CancelCaller(s));
        _ = outer.Catch(static _ => { });

        Assert.Equal(PromiseState.Rejected, seen.InnerPromise!.State);
        Assert.IsType<OperationCanceledException>(seen.InnerPromise.Reason);
        Assert.True(seen.InnerBodyEnded);
        Assert.Equal(PromiseState.Rejected, outer.State);
        Assert.Empty(seen.Outer!.Children);
    }

    [Fact]
    public void Call_UnderACancelledCaller_NeverRunsTheNestedBody()
    {
        var seen = new Seen();

        Promise outer = Outer(seen, static s => CancelCallerThenCallAnother(s));
        _ = outer.Catch(static _ => { });

        Assert.NotNull(seen.SecondCall);
        Assert.Null(seen.Inner);
        Assert.IsType<OperationCanceledException>(seen.SecondCall.Reason);
        Assert.Equal(PromiseState.Rejected, outer.State);
    }

    // ----- the methods -----

    // Records its node, then awaits what call returns (the nested method).
    private static async Promise Outer(Seen seen, Func<Seen, Promise> call)
    {
        seen.Outer = PromiseContext.Current;
        seen.InnerPromise = call(seen);
        await seen.InnerPromise;
    }

    private static async Promise ChangeTheSynchronizationContextThenReadCurrent(StrongBox<PromiseContext?> seen)
    {
        await Promise.Resolve();
        SynchronizationContext.SetSynchronizationContext(new OtherSynchronizationContext());
        seen.Value = PromiseContext.Current;
    }

    private static async Promise Inner(Seen seen)
    {
        await Promise.Resolve();
        seen.Inner = PromiseContext.Current;
    }

    private static async Promise ListCallersChildren(Seen seen)
    {
        await Promise.Resolve();
        seen.CallersChildren = [.. seen.Outer!.GetPendingChildren().Select(static child => child.ToString())];
    }

    private static async Promise StartRun(Seen seen)
    {
        await Promise.Resolve();
        seen.RunWork = Promise.Run(static () => PromiseContext.Current!);
    }

    private static async Promise StartTaskThatReadsCurrentLater(Seen seen)
    {
        await Promise.Resolve();
        ManualResetEventSlim gate = seen.Gate!;
        seen.ReadLater = Task.Run(() =>
        {
            gate.Wait();
            return PromiseContext.Current;
        });
    }

    private static async Promise WaitFor(Promise gate) => await gate;

    private static async Promise CancelCaller(Seen seen)
    {
        await Promise.Resolve();
        seen.Outer!.Cancel();
        seen.InnerBodyEnded = true;
    }

    // The cancellation comes from a thread whose flow does not carry this method (as another thread's would not).
    private static async Promise CancelCallerFromAFlowOfItsOwn(Seen seen)
    {
        await Promise.Resolve();
        PromiseContext caller = seen.Outer!;
        Thread canceller;
        using (ExecutionContext.SuppressFlow())
        {
            canceller = new Thread(caller.Cancel);
            canceller.Start();
        }

        canceller.Join();
        seen.InnerBodyEnded = true;
    }

    private static async Promise CancelCallerThenCallAnother(Seen seen)
    {
        await Promise.Resolve();
        seen.Outer!.Cancel();
        seen.SecondCall = Inner(seen);
        await seen.SecondCall;
    }

    private sealed class Seen
    {
        public PromiseContext? Outer { get; set; }

        public PromiseContext? Inner { get; set; }

        public Promise? InnerPromise { get; set; }

        public Promise? SecondCall { get; set; }

        public bool InnerBodyEnded { get; set; }

        public IReadOnlyList<string>? CallersChildren { get; set; }

        public Promise<PromiseContext>? RunWork { get; set; }

        public ManualResetEventSlim? Gate { get; set; }

        public Task<PromiseContext?>? ReadLater { get; set; }
    }

    private sealed class OtherSynchronizationContext : SynchronizationContext;
}
