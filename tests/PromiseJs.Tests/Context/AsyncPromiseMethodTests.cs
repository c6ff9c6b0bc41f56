using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;

namespace PromiseJs.Tests.Context;

/// <summary>
/// <c>async Promise&lt;T&gt;</c> and <c>async Promise</c> methods (the <c>PromiseMethodBuilder</c>s): calling one runs it
/// synchronously up to its first await, like a JavaScript async function, and returns its promise; the call is a new node,
/// a child of the caller's context, and what it starts becomes its child.
/// </summary>
public sealed class AsyncPromiseMethodTests
{
    private static readonly AsyncLocal<int> s_local = new();

    // ----- calling runs it -----

    [Fact]
    public void Call_RunsSynchronouslyUpToTheFirstAwait()
    {
        var log = new List<string>();

        PromiseLoop.Run(async () =>
        {
            var gate = Promise.WithResolvers<int>();

            Promise<int> doubled = DoubleAfter(gate.Promise, log);
            Assert.Equal(["before await"], log);
            Assert.Equal(PromiseState.Pending, doubled.State);

            gate.Resolve(21);
            Assert.Equal(42, await doubled);
        });

        Assert.Equal(["before await", "after await"], log);
    }

    [Fact]
    public void Call_ReturnsThePromiseOfTheMethodsResult()
    {
        int value = PromiseLoop.Run(() => DoubleAfter(Promise.Resolve(4), []));

        Assert.Equal(8, value);
    }

    [Fact]
    public void Call_MethodCompletesWithoutSuspending_ReturnsAnAlreadyFulfilledPromise()
    {
        Promise<string> promise = Immediate("now");

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal("now", promise.Value);
    }

    [Fact]
    public void Call_ValueLessMethod_RunsAndFulfills()
    {
        var log = new List<string>();

        PromiseLoop.Run(() => LogAround(log));

        Assert.Equal(["start", "end"], log);
    }

    [Fact]
    public async Task Call_AwaitedFromAnAsyncTaskMethod_GivesTheMethodsValue()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        Promise<int> promise = AddOneToTask(source.Task);
        source.SetResult(1);

        Assert.Equal(2, await promise);
    }

    // ----- the node -----

    [Fact]
    public void Call_InsideAContext_IsAChildOfIt()
    {
        PromiseLoop.Run(async () =>
        {
            var caller = new PromiseContext(new() { Name = "caller" });
            var gate = Promise.WithResolvers<int>();
            var seen = new NodeSeen();
            Promise<int> promise;
            using (caller.Enter())
            {
                promise = RecordNode(seen, gate.Promise);
            }

            PromiseContext node = seen.Node!;
            Assert.NotSame(caller, node);
            Assert.Same(caller, node.Parent);
            Assert.Same(promise, node.Completion);
            Assert.Equal([node], caller.Children);

            gate.Resolve(1);
            await promise;
            Assert.Empty(caller.Children);
        });
    }

    [Fact]
    public void Call_InsideRunWork_IsAChildOfTheWorkNode()
    {
        PromiseContext? workNode = null;
        var seen = new NodeSeen();

        PromiseLoop.Run(() => Promise.Run(() =>
        {
            workNode = PromiseContext.Current;
            return RecordNode(seen, Promise.Resolve(1));
        }));

        Assert.NotNull(workNode);
        Assert.Same(workNode, seen.Node!.Parent);
    }

    [Fact]
    public void Call_NoCurrentContext_IsARootNode()
    {
        var seen = new NodeSeen();

        PromiseLoop.Run(() => RecordNode(seen, Promise.Resolve(1)));

        Assert.NotNull(seen.Node);
        Assert.Null(seen.Node.Parent);
    }

    [Fact]
    public void Current_InsideTheMethodAcrossAwaits_IsItsNode_AndTheCallersIsRestoredAfterTheCall()
    {
        PromiseLoop.Run(async () =>
        {
            var caller = new PromiseContext();
            var gate = Promise.WithResolvers<int>();
            var seen = new NodeSeen();
            using (caller.Enter())
            {
                Promise<int> promise = RecordNode(seen, gate.Promise);
                Assert.Same(caller, PromiseContext.Current);

                gate.Resolve(1);
                await promise;
                Assert.Same(caller, PromiseContext.Current);
            }

            Assert.Same(seen.Node, seen.NodeAfterAwait);
        });
    }

    [Fact]
    public void PromisesStartedInside_BeforeAndAfterAnAwait_AreChildrenOfTheMethodNode()
    {
        PromiseLoop.Run(async () =>
        {
            var release = Promise.WithResolvers<int>();
            var seen = new NodeSeen();

            Promise<(Promise<int> Before, Promise<int> After)> method = StartTwoChildren(seen, release.Promise);
            var (before, after) = await method;

            PromiseContext node = seen.Node!;
            Assert.Equal([before, after], node.Children.Select(child => child.Completion));

            release.Resolve(1);
            await Promise.All(before, after);
            Assert.Empty(node.Children);
        });
    }

    [Fact]
    public void Call_MethodEntersAContextWithoutLeaving_DoesNotLeakToTheCaller()
    {
        PromiseLoop.Run(async () =>
        {
            var entered = new PromiseContext();
            Promise promise = EnterWithoutLeaving(entered);
            Assert.Null(PromiseContext.Current);
            await promise;
            Assert.Null(PromiseContext.Current);
        });
    }

    // ----- failures -----

    [Fact]
    public void Call_MethodThrowsBeforeItsFirstAwait_ReturnsARejectedPromiseInsteadOfThrowing()
    {
        var reason = new FormatException("thrown at once");
        using var suppressed = Promise.SuppressUnhandledRejections();

        Promise<int> promise = ThrowBeforeAwait(reason);

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(reason, promise.Reason);
    }

    [Fact]
    public void Call_MethodThrowsAfterAnAwait_RejectsWithThatException()
    {
        var reason = new FormatException("thrown later");

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => ThrowAfterAwait(reason)));

        Assert.Same(reason, thrown);
    }

    [Fact]
    public void Call_ValueLessMethodThrows_RejectsWithThatException()
    {
        var reason = new FormatException("value-less failure");

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => ThrowValueLess(reason)));

        Assert.Same(reason, thrown);
    }

    // ----- awaiting inside -----

    [Fact]
    public void AwaitInside_RejectedPromise_ThrowsTheOriginalExceptionInTheMethod()
    {
        var reason = new FormatException("awaited rejection");

        Exception? caught = PromiseLoop.Run(() => CatchAwaited(Promise.Reject<int>(reason)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void AwaitInside_TasksCompletedLater_GivesTheirValues()
    {
        int value = PromiseLoop.Run(() =>
        {
            var source = new TaskCompletionSource<int>();
            Promise<int> promise = AddTasks(source.Task, Task.FromResult(2));
            Task.Run(() => source.SetResult(40));
            return promise;
        });

        Assert.Equal(42, value);
    }

    [Fact]
    public void Call_MethodSetsASynchronizationContextBeforeItsFirstAwait_TheCallersIsBackAfterTheCall()
    {
        SynchronizationContext? before = SynchronizationContext.Current;
        var gate = Promise.WithResolvers();

        Promise method = SetSynchronizationContextThenAwait(gate.Promise);
        SynchronizationContext? afterCall = SynchronizationContext.Current;
        gate.Resolve();
        method.Wait();

        Assert.Same(before, afterCall);
    }

    [Fact]
    public void AwaitInside_PendingPromiseWithConfigureAwaitFalse_ResumesOnThePoolWithTheNodeCurrent()
    {
        var gate = Promise.WithResolvers<int>();
        var seen = new NodeSeen();
        bool resumedOnPool = false;

        Promise<int> method = Resume(gate.Promise);
        gate.Resolve(41);

        Assert.Equal(42, method.Wait());
        Assert.True(resumedOnPool);
        Assert.NotNull(seen.Node);
        Assert.Same(seen.Node, seen.NodeAfterAwait);
        Assert.Null(PromiseContext.Current);

        async Promise<int> Resume(Promise<int> awaited)
        {
            seen.Node = PromiseContext.Current;
            int value = await awaited.ConfigureAwait(false);
            resumedOnPool = Thread.CurrentThread.IsThreadPoolThread;
            seen.NodeAfterAwait = PromiseContext.Current;
            return value + 1;
        }
    }

    [Fact]
    public void AwaitInside_AnAwaiterThatIsNoPromise_ResumesWithTheNodeCurrent()
    {
        var seen = new NodeSeen();

        PromiseLoop.Run(() => YieldThenRecord(seen));

        Assert.NotNull(seen.Node);
        Assert.Same(seen.Node, seen.NodeAfterAwait);
    }

    [Fact]
    public void AwaitInside_ResumedMethodSetsAnAsyncLocal_LaterLoopJobsDoNotSeeIt()
    {
        int seenByLaterJob = -1;

        PromiseLoop.Run(async () =>
        {
            Promise method = SetLocalAfterAwait();
            await Promise.Resolve();
            await Promise.Resolve();

            // Queued after the method's resumption ran on this thread: it runs in whatever context the thread has.
            var done = Promise.WithResolvers();
            PromiseLoop.QueueMicrotask(() =>
            {
                seenByLaterJob = s_local.Value;
                done.Resolve();
            });
            await Promise.All(method, done.Promise);
        });

        Assert.Equal(0, seenByLaterJob);
    }

    [Fact]
    public void AwaitInside_ResumedMethodSetsASynchronizationContext_TheLoopsIsBackAfterTheResumption()
    {
        SynchronizationContext? afterResumption = null;
        SynchronizationContext? loopContext = null;

        PromiseLoop.Run(async () =>
        {
            loopContext = SynchronizationContext.Current;
            Promise method = SetSynchronizationContextAfterAwait();
            var done = Promise.WithResolvers();
            PromiseLoop.QueueMicrotask(() => { });
            await method;
            PromiseLoop.QueueMicrotask(() =>
            {
                afterResumption = SynchronizationContext.Current;
                done.Resolve();
            });
            await done.Promise;
        });

        Assert.NotNull(loopContext);
        Assert.Same(loopContext, afterResumption);
    }

    // ----- the methods under test -----

    private static async Promise<int> DoubleAfter(Promise<int> input, List<string> log)
    {
        log.Add("before await");
        int value = await input;
        log.Add("after await");
        return value * 2;
    }

#pragma warning disable CS1998 // Deliberately no await: the method completes within the call.
    private static async Promise<string> Immediate(string value) => value;
#pragma warning restore CS1998

    private static async Promise LogAround(List<string> log)
    {
        log.Add("start");
        await Promise.Resolve();
        log.Add("end");
    }

    private static async Promise<int> AddOneToTask(Task<int> task) => await task + 1;

    private static async Promise<int> RecordNode(NodeSeen seen, Promise<int> gate)
    {
        seen.Node = PromiseContext.Current;
        int value = await gate;
        seen.NodeAfterAwait = PromiseContext.Current;
        return value;
    }

    private static async Promise<(Promise<int> Before, Promise<int> After)> StartTwoChildren(NodeSeen seen, Promise<int> release)
    {
        seen.Node = PromiseContext.Current;
        Promise<int> before = Promise.Run(() => release);
        await Promise.Resolve();
        Promise<int> after = Promise.Run(() => release);
        return (before, after);
    }

    private static async Promise EnterWithoutLeaving(PromiseContext context)
    {
        context.Enter();
        await Promise.Resolve();
        Assert.Same(context, PromiseContext.Current);
    }

    private static async Promise<int> ThrowBeforeAwait(Exception reason)
    {
        if (reason is not null)
        {
            throw reason;
        }

        await Promise.Resolve();
        return 0;
    }

    private static async Promise<int> ThrowAfterAwait(Exception reason)
    {
        await Promise.Resolve();
        throw reason;
    }

    private static async Promise ThrowValueLess(Exception reason)
    {
        await Promise.Resolve();
        throw reason;
    }

    private static async Promise<Exception?> CatchAwaited(Promise<int> rejected)
    {
        try
        {
            await rejected;
            return null;
        }
        catch (FormatException ex)
        {
            return ex;
        }
    }

    private static async Promise YieldThenRecord(NodeSeen seen)
    {
        seen.Node = PromiseContext.Current;
        await Task.Yield();
        seen.NodeAfterAwait = PromiseContext.Current;
    }

    private static async Promise SetLocalAfterAwait()
    {
        await Promise.Resolve();
        s_local.Value = 7;
    }

    private static async Promise SetSynchronizationContextThenAwait(Promise gate)
    {
        SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
        await gate;
    }

    private static async Promise SetSynchronizationContextAfterAwait()
    {
        await Promise.Resolve();
        SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
    }

    private static async Promise<int> AddTasks(Task<int> first, Task<int> second) => await first + await second;

    private sealed class NodeSeen
    {
        public PromiseContext? Node { get; set; }

        public PromiseContext? NodeAfterAwait { get; set; }
    }
}
