using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>
/// <c>Promise.Run</c>, all six forms: the work runs as a new node of the promise tree, with that node current, so the
/// promises it starts become its children; <c>Parent</c> and <c>Orphan</c> override the automatic parent; the synchronous
/// forms run on the node's scheduler, the asynchronous ones are called at once and their promise or task is adopted.
/// </summary>
public sealed class PromiseRunTests
{
    private const string FuncOfT = "Func<T>";
    private const string FuncOfPromiseOfT = "Func<Promise<T>>";
    private const string FuncOfTaskOfT = "Func<Task<T>>";
    private const string ActionForm = "Action";
    private const string FuncOfPromise = "Func<Promise>";
    private const string FuncOfTask = "Func<Task>";

    private static readonly AsyncLocal<string?> s_ambient = new();

    public static TheoryData<string> Forms => new() { FuncOfT, FuncOfPromiseOfT, FuncOfTaskOfT, ActionForm, FuncOfPromise, FuncOfTask };

    public static TheoryData<string> SynchronousForms => new() { FuncOfT, ActionForm };

    // ----- every form: the node -----

    [Theory]
    [MemberData(nameof(Forms))]
    public void Run_AnyForm_WorkRunsWithItsNodeAsCurrent(string form)
    {
        PromiseContext? outer = null;
        PromiseContext? node = null;

        PromiseLoop.Run(async () =>
        {
            outer = new PromiseContext(new() { Name = "outer" });
            Promise promise;
            using (outer.Enter())
            {
                promise = Start(form, () => node = PromiseContext.Current, new() { Name = "work" });
            }

            await promise;
            Assert.NotNull(node);
            Assert.Same(promise, node.Completion);
        });

        Assert.Equal("work", node!.Name);
        Assert.Same(outer, node.Parent);
        Assert.Equal(PromiseState.Fulfilled, node.State);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Run_AnyForm_PromisesStartedInsideBecomeChildrenOfTheNode(string form)
    {
        PromiseLoop.Run(async () =>
        {
            var release = Promise.WithResolvers<int>();
            PromiseContext? node = null;
            PromiseContext? childNode = null;
            Promise<int>? child = null;

            Promise promise = Start(form, () =>
            {
                node = PromiseContext.Current;
                child = Promise.Run(() =>
                {
                    childNode = PromiseContext.Current;
                    return release.Promise;
                });
            });
            await promise;

            Assert.NotNull(node);
            Assert.NotNull(childNode);
            Assert.Same(node, childNode.Parent);
            Assert.Same(child, childNode.Completion);
            Assert.Equal([childNode], node.Children);

            release.Resolve(1);
            await child!;
            Assert.Empty(node.Children);
        });
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Run_AnyForm_ParentOption_OverridesTheCurrentContext(string form)
    {
        PromiseContext? chosen = null;
        PromiseContext? node = null;

        PromiseLoop.Run(async () =>
        {
            var current = new PromiseContext(new() { Name = "current" });
            chosen = new PromiseContext(new() { Name = "chosen" });
            Promise promise;
            using (current.Enter())
            {
                promise = Start(form, () => node = PromiseContext.Current, new() { Parent = chosen });
                Assert.Empty(current.Children);
            }

            await promise;
        });

        Assert.Same(chosen, node!.Parent);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Run_AnyForm_Orphan_HasNoParentEvenInsideAContext(string form)
    {
        PromiseContext? node = null;

        PromiseLoop.Run(async () =>
        {
            var current = new PromiseContext();
            Promise promise;
            using (current.Enter())
            {
                promise = Start(form, () => node = PromiseContext.Current, new() { Orphan = true });
                Assert.Empty(current.Children);
            }

            await promise;
        });

        Assert.NotNull(node);
        Assert.Null(node.Parent);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Run_AnyForm_WorkThrows_RejectsWithThatException(string form)
    {
        var reason = new FormatException("work failed");
        Promise? promise = null;

        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(async () =>
            {
                promise = Start(form, () => throw reason);
                await Assert.ThrowsAsync<FormatException>(async () => await promise);
            });
        }

        Assert.Same(reason, promise!.Reason);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Run_AnyForm_AfterTheWork_CurrentIsTheCallersAgain(string form)
    {
        PromiseLoop.Run(async () =>
        {
            var outer = new PromiseContext();
            using (outer.Enter())
            {
                Promise promise = Start(form, () => { });
                Assert.Same(outer, PromiseContext.Current);
                await promise;
                Assert.Same(outer, PromiseContext.Current);
            }
        });
    }

    // ----- the synchronous forms: on the scheduler -----

    [Fact]
    public void RunOfT_SyncFunction_FulfillsWithItsValue()
    {
        using var noContext = SynchronizationContextScope.None();

        Promise<int> promise = Promise.Run(() => 6 * 7);

        Assert.Equal(42, promise.Wait(TestTimeouts.Generous));
    }

    [Theory]
    [MemberData(nameof(SynchronousForms))]
    public void Run_SyncFormOutsideALoop_RunsOnAThreadPoolThread(string form)
    {
        using var noContext = SynchronizationContextScope.None();
        int testThread = Environment.CurrentManagedThreadId;
        int workThread = 0;
        bool onPool = false;

        Promise promise = Start(form, () =>
        {
            workThread = Environment.CurrentManagedThreadId;
            onPool = Thread.CurrentThread.IsThreadPoolThread;
        });
        promise.Wait(TestTimeouts.Generous);

        Assert.NotEqual(testThread, workThread);
        Assert.True(onPool);
    }

    [Theory]
    [MemberData(nameof(SynchronousForms))]
    public void Run_SyncFormInsideALoop_RunsLaterOnTheLoopThread(string form)
    {
        int loopThread = Environment.CurrentManagedThreadId;
        int workThread = 0;
        bool ranDuringTheCall = false;

        PromiseLoop.Run(async () =>
        {
            Promise promise = Start(form, () => workThread = Environment.CurrentManagedThreadId);
            ranDuringTheCall = workThread != 0;
            await promise;
        });

        Assert.False(ranDuringTheCall);
        Assert.Equal(loopThread, workThread);
    }

    [Theory]
    [MemberData(nameof(SynchronousForms))]
    public void Run_SyncFormWithACustomScheduler_RunsOnlyWhenTheSchedulerRunsIt(string form)
    {
        var scheduler = new ManualPromiseScheduler();
        bool ran = false;
        bool ranOnTheScheduler = false;

        Promise promise = Start(
            form,
            () =>
            {
                ran = true;
                ranOnTheScheduler = scheduler.IsRunningHere;
            },
            new() { Scheduler = scheduler });

        Assert.False(ran);
        Assert.Equal(1, scheduler.PostCount);
        Assert.Equal(PromiseState.Pending, promise.State);

        scheduler.RunAll();

        Assert.True(ranOnTheScheduler);
        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void RunOfT_SyncFunction_SeesTheCallersAsyncLocalsLikeTaskRun()
    {
        using var noContext = SynchronizationContextScope.None();
        s_ambient.Value = "caller";
        try
        {
            Promise<string?> promise = Promise.Run<string?>(() => s_ambient.Value);

            Assert.Equal("caller", promise.Wait(TestTimeouts.Generous));
        }
        finally
        {
            s_ambient.Value = null;
        }
    }

    // ----- the asynchronous forms: called now, result adopted -----

    [Fact]
    public void RunOfT_PromiseFunction_AdoptsTheReturnedPromiseWithJavaScriptsTwoJobs()
    {
        // node 20 prints: t1 t2 run settled-return run pending-return t3 t4 t5, for
        //   (async () => Promise.resolve(5))().then(() => log("run settled-return"));
        //   (async () => w.promise)().then(() => log("run pending-return"));
        //   Promise.resolve(0).then(() => { log("t1"); w.resolve(1); }).then(t2).then(t3).then(t4).then(t5);
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var pending = Promise.WithResolvers<int>();
            Promise.Run(() => Promise.Resolve(5)).Then(_ => log.Add("run settled-return"));
            Promise.Run(() => pending.Promise).Then(_ => log.Add("run pending-return"));
            return Promise.Resolve(0)
                .Then(_ =>
                {
                    log.Add("t1");
                    pending.Resolve(1);
                })
                .Then(() => log.Add("t2"))
                .Then(() => log.Add("t3"))
                .Then(() => log.Add("t4"))
                .Then(() => log.Add("t5"));
        });

        Assert.Equal(["t1", "t2", "run settled-return", "run pending-return", "t3", "t4", "t5"], log);
    }

    [Fact]
    public void RunOfT_PromiseFunction_IsCalledNowOnTheCallingThread()
    {
        int callingThread = Environment.CurrentManagedThreadId;
        int calledOn = 0;

        Promise<int> promise = Promise.Run(() =>
        {
            calledOn = Environment.CurrentManagedThreadId;
            return Promise.Resolve(1);
        });

        Assert.Equal(callingThread, calledOn);
        // The returned promise is adopted two jobs later, as a JavaScript async function's is.
        Assert.Equal(1, promise.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void RunOfT_PromiseFunction_AdoptsThePendingPromiseItReturns()
    {
        PromiseLoop.Run(async () =>
        {
            var inner = Promise.WithResolvers<string>();

            Promise<string> promise = Promise.Run(() => inner.Promise);
            await LoopTurn.Next();
            Assert.Equal(PromiseState.Pending, promise.State);

            inner.Resolve("done");
            Assert.Equal("done", await promise);
        });
    }

    [Fact]
    public void RunOfT_PromiseFunctionReturnsARejectedPromise_RejectsWithItsReason()
    {
        var reason = new FormatException("inner rejected");
        Promise<int>? promise = null;

        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(async () =>
            {
                var inner = Promise.WithResolvers<int>();
                promise = Promise.Run(() => inner.Promise);
                inner.Reject(reason);
                await Assert.ThrowsAsync<FormatException>(async () => await promise);
            });
        }

        Assert.Same(reason, promise!.Reason);
    }

    [Fact]
    public void RunOfT_LazyFunctionReturnsItsOwnPromise_RejectsWithInvalidOperationException()
    {
        using var noContext = SynchronizationContextScope.None();
        Promise<int>? self = null;
        self = Promise.Run(() => self!, new() { Start = PromiseStart.Lazy });

        Assert.Throws<InvalidOperationException>(() => self.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void RunOfT_TaskFunction_AdoptsTheTask()
    {
        using var noContext = SynchronizationContextScope.None();
        var source = new TaskCompletionSource<int>();

        Promise<int> promise = Promise.Run(() => source.Task);
        Assert.Equal(PromiseState.Pending, promise.State);

        source.SetResult(9);
        Assert.Equal(9, promise.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void RunOfT_TaskFunctionFaults_RejectsWithTheTasksOwnExceptionNotAnAggregate()
    {
        using var noContext = SynchronizationContextScope.None();
        using var suppressed = Promise.SuppressUnhandledRejections();
        var reason = new FormatException("task faulted");
        var source = new TaskCompletionSource<int>();

        Promise<int> promise = Promise.Run(() => source.Task);
        source.SetException(reason);

        var thrown = Assert.Throws<FormatException>(() => promise.Wait(TestTimeouts.Generous));
        Assert.Same(reason, thrown);
        Assert.Same(reason, promise.Reason);
    }

    [Fact]
    public void RunOfT_TaskFunctionIsCanceled_RejectsWithOperationCanceledException()
    {
        using var noContext = SynchronizationContextScope.None();
        using var suppressed = Promise.SuppressUnhandledRejections();
        var source = new TaskCompletionSource<int>();

        Promise<int> promise = Promise.Run(() => source.Task);
        source.SetCanceled();

        Assert.ThrowsAny<OperationCanceledException>(() => promise.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void Run_ValueLessPromiseFunction_AdoptsThePromiseItReturns()
    {
        PromiseLoop.Run(async () =>
        {
            var inner = Promise.WithResolvers();

            Promise promise = Promise.Run(() => inner.Promise);
            await LoopTurn.Next();
            Assert.Equal(PromiseState.Pending, promise.State);

            inner.Resolve();
            await promise;
            Assert.Equal(PromiseState.Fulfilled, promise.State);
        });
    }

    [Fact]
    public void Run_ValueLessTaskFunction_AdoptsTheTask()
    {
        using var noContext = SynchronizationContextScope.None();
        using var suppressed = Promise.SuppressUnhandledRejections();
        var succeeding = new TaskCompletionSource();
        var failing = new TaskCompletionSource();
        var reason = new FormatException("task faulted");

        Promise fulfilled = Promise.Run(() => succeeding.Task);
        Promise rejected = Promise.Run(() => failing.Task);
        Assert.Equal(PromiseState.Pending, fulfilled.State);
        Assert.Equal(PromiseState.Pending, rejected.State);

        succeeding.SetResult();
        failing.SetException(reason);
        fulfilled.Wait(TestTimeouts.Generous);
        Assert.Same(reason, Assert.Throws<FormatException>(() => rejected.Wait(TestTimeouts.Generous)));
    }

    [Fact]
    public void RunOfT_AsyncLambda_RunsAsTheNodeAcrossAwaits()
    {
        PromiseContext? before = null;
        PromiseContext? after = null;

        int value = PromiseLoop.Run(() => Promise.Run(async () =>
        {
            before = PromiseContext.Current;
            await Promise.Resolve();
            await Task.Yield();
            after = PromiseContext.Current;
            return 5;
        }));

        Assert.Equal(5, value);
        Assert.NotNull(before);
        Assert.Same(before, after);
    }

    [Fact]
    public void RequireCurrent_InsideRunWork_ReturnsTheWorkNode()
    {
        PromiseContext? required = null;

        Promise<int> promise = Promise.Run(() =>
        {
            required = PromiseContext.RequireCurrent();
            return Promise.Resolve(1);
        });

        Assert.Same(promise, required!.Completion);
    }

    // Starts one of the six forms with a body that does the same thing in each.
    private static Promise Start(string form, Action body, PromiseContextOptions? options = null) => form switch
    {
        FuncOfT => Promise.Run(
            () =>
            {
                body();
                return 1;
            },
            options),
        FuncOfPromiseOfT => Promise.Run(
            () =>
            {
                body();
                return Promise.Resolve(1);
            },
            options),
        FuncOfTaskOfT => Promise.Run(
            () =>
            {
                body();
                return Task.FromResult(1);
            },
            options),
        ActionForm => Promise.Run(() => body(), options),
        FuncOfPromise => Promise.Run(
            () =>
            {
                body();
                return Promise.Resolve();
            },
            options),
        FuncOfTask => Promise.Run(
            () =>
            {
                body();
                return Task.CompletedTask;
            },
            options),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown form."),
    };
}
