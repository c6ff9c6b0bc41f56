using PromiseJs.Context;
using PromiseJs.Scheduling;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

/// <summary>
/// <see cref="PromiseScheduler"/> as a context setting: the thread pool, a <see cref="SynchronizationContext"/>, a
/// <see cref="TaskScheduler"/>, the running loop, or a subclass; the node's synchronous work and the handlers attached
/// inside its work run on it; children inherit it; it is frozen at creation; and the library serializes the handlers of a
/// promise on top of whatever the scheduler does with posted callbacks.
/// </summary>
public sealed class PromiseSchedulerTests
{
    // ----- the thread pool -----

    [Fact]
    public void ThreadPool_NoParentNoLoopNoSynchronizationContext_IsTheAmbientScheduler()
    {
        using var noContext = SynchronizationContextScope.None();

        Assert.Same(PromiseScheduler.ThreadPool, new PromiseContext().Scheduler);
    }

    [Fact]
    public void ThreadPool_AsNodeScheduler_HandlersAttachedInsideTheWorkRunOnThePoolNotTheInstalledContext()
    {
        var installed = new QueueingSynchronizationContext();
        Promise<bool> handlerOnPool;

        using (SynchronizationContextScope.Install(installed))
        {
            handlerOnPool = Promise.Run(
                () => Promise.Resolve(1).Then(x => Thread.CurrentThread.IsThreadPoolThread),
                new() { Scheduler = PromiseScheduler.ThreadPool });
        }

        Assert.True(handlerOnPool.Wait(TestTimeouts.Generous));
        Assert.Equal(0, installed.PostCount);
    }

    // ----- a synchronization context -----

    [Fact]
    public void FromSynchronizationContext_SyncWork_IsPostedToTheContext()
    {
        using var noContext = SynchronizationContextScope.None();
        var context = new QueueingSynchronizationContext();

        Promise<int> promise = Promise.Run(
            () => Environment.CurrentManagedThreadId,
            new() { Scheduler = PromiseScheduler.FromSynchronizationContext(context) });

        Assert.Equal(1, context.PostCount);
        Assert.Equal(PromiseState.Pending, promise.State);
        context.RunPending();
        Assert.Equal(Environment.CurrentManagedThreadId, promise.Value);
    }

    [Fact]
    public void FromSynchronizationContext_HandlersAttachedInsideTheWork_ArePostedToTheContext()
    {
        using var noContext = SynchronizationContextScope.None();
        var context = new QueueingSynchronizationContext();

        Promise<SynchronizationContext?> promise = Promise.Run(
            () => Promise.Resolve(1).Then(x => SynchronizationContext.Current),
            new() { Scheduler = PromiseScheduler.FromSynchronizationContext(context) });

        Assert.Equal(PromiseState.Pending, promise.State);
        Assert.True(context.PostCount >= 1);
        context.RunPending();
        Assert.Same(context, promise.Value);
    }

    [Fact]
    public void FromSynchronizationContext_TheLoopsContext_IsTheLoopScheduler()
    {
        PromiseLoop.Run(() =>
        {
            Assert.Same(PromiseScheduler.CurrentLoop, PromiseScheduler.FromSynchronizationContext(SynchronizationContext.Current!));
            return Promise.Resolve();
        });
    }

    [Fact]
    public void FromSynchronizationContext_SameContextTwice_ReturnsTheSameScheduler()
    {
        var context = new QueueingSynchronizationContext();

        Assert.Same(PromiseScheduler.FromSynchronizationContext(context), PromiseScheduler.FromSynchronizationContext(context));
    }

    [Fact]
    public void AmbientSynchronizationContext_NodeMadeUnderIt_HasTheSchedulerHandlersCaptureThere()
    {
        var context = new QueueingSynchronizationContext();
        PromiseContext node;

        using (SynchronizationContextScope.Install(context))
        {
            node = new PromiseContext();
        }

        Assert.Same(PromiseScheduler.FromSynchronizationContext(context), node.Scheduler);
    }

    [Fact]
    public void AmbientSynchronizationContext_HandlersOfOnePromiseAttachedInAndOutOfANodeMadeThere_RunInAttachmentOrder()
    {
        var context = new QueueingSynchronizationContext();
        var source = Promise.Resolve(0);
        var order = new List<int>();

        using (SynchronizationContextScope.Install(context))
        {
            // The node takes the ambient context as its scheduler; handlers attached outside it capture the context
            // directly. Both must feed one queue, or the third handler could run before the second.
            var node = new PromiseContext();
            using (node.Enter())
            {
                source.Then(x => order.Add(1));
            }

            source.Then(x => order.Add(2));
            using (node.Enter())
            {
                source.Then(x => order.Add(3));
            }
        }

        context.RunPending();
        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public void FromSynchronizationContext_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PromiseScheduler.FromSynchronizationContext(null!));
    }

    // ----- a task scheduler -----

    [Fact]
    public void FromTaskScheduler_SyncWork_RunsAsATaskOnIt()
    {
        var taskScheduler = new CountingTaskScheduler();

        Promise<TaskScheduler> promise = Promise.Run(
            () => TaskScheduler.Current,
            new() { Scheduler = PromiseScheduler.FromTaskScheduler(taskScheduler) });

        Assert.Same(taskScheduler, promise.Wait(TestTimeouts.Generous));
        Assert.True(taskScheduler.QueuedCount >= 1);
    }

    [Fact]
    public void FromTaskScheduler_HandlersAttachedInsideTheWork_RunAsTasksOnIt()
    {
        var taskScheduler = new CountingTaskScheduler();

        Promise<TaskScheduler> promise = Promise.Run(
            () => Promise.Resolve(1).Then(x => TaskScheduler.Current),
            new() { Scheduler = PromiseScheduler.FromTaskScheduler(taskScheduler) });

        Assert.Same(taskScheduler, promise.Wait(TestTimeouts.Generous));
        Assert.True(taskScheduler.QueuedCount >= 1);
    }

    [Fact]
    public void FromTaskScheduler_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PromiseScheduler.FromTaskScheduler(null!));
    }

    // ----- the running loop -----

    [Fact]
    public void CurrentLoop_OutsideALoop_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => PromiseScheduler.CurrentLoop);
    }

    [Fact]
    public void CurrentLoop_InsideALoop_IsTheSchedulerOfNewRootNodes()
    {
        PromiseLoop.Run(() =>
        {
            Assert.Same(PromiseScheduler.CurrentLoop, new PromiseContext().Scheduler);
            return Promise.Resolve();
        });
    }

    [Fact]
    public void CurrentLoop_AsNodeScheduler_WorkStartedOnAnotherThreadRunsOnTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;

        int workThread = PromiseLoop.Run(async () =>
        {
            PromiseScheduler loop = PromiseScheduler.CurrentLoop;
            Promise<int> work = await Task.Run(() => Promise.Run(
                () => Environment.CurrentManagedThreadId,
                new() { Scheduler = loop }));
            return await work;
        });

        Assert.Equal(loopThread, workThread);
    }

    // ----- a subclass -----

    [Fact]
    public void Custom_SyncWork_RunsOnlyWhenTheSchedulerRunsIt()
    {
        var scheduler = new ManualPromiseScheduler();

        Promise<bool> promise = Promise.Run(() => scheduler.IsRunningHere, new() { Scheduler = scheduler });

        Assert.Equal(PromiseState.Pending, promise.State);
        Assert.Equal(1, scheduler.PendingCount);
        scheduler.RunAll();
        Assert.True(promise.Value);
    }

    [Fact]
    public void Custom_HandlersAttachedInsideTheWork_RunOnIt()
    {
        var scheduler = new ManualPromiseScheduler();

        Promise<bool> promise = Promise.Run(
            () => Promise.Resolve(1).Then(x => scheduler.IsRunningHere),
            new() { Scheduler = scheduler });

        Assert.Equal(PromiseState.Pending, promise.State);
        scheduler.RunAll();
        Assert.True(promise.Value);
    }

    [Fact]
    public void Custom_AwaitInsideTheWork_ResumesOnIt()
    {
        var scheduler = new ManualPromiseScheduler();
        var gate = Promise.WithResolvers<int>();

        Promise<bool> promise = Promise.Run(
            async () =>
            {
                await gate.Promise;
                return scheduler.IsRunningHere;
            },
            new() { Scheduler = scheduler });
        gate.Resolve(1);

        Assert.Equal(PromiseState.Pending, promise.State);
        Assert.Equal(1, scheduler.PendingCount);
        scheduler.RunAll();
        Assert.True(promise.Value);
    }

    [Fact]
    public void Custom_HandlersAttachedInsideAnEnteredContext_RunOnIt()
    {
        var scheduler = new ManualPromiseScheduler();
        var context = new PromiseContext(new() { Scheduler = scheduler });
        Promise<bool> handler;

        using (context.Enter())
        {
            handler = Promise.Resolve(1).Then(x => scheduler.IsRunningHere);
        }

        Assert.Equal(1, scheduler.PostCount);
        scheduler.RunAll();
        Assert.True(handler.Value);
    }

    // ----- inheritance and freezing -----

    [Fact]
    public void Scheduler_ChildrenAndGrandchildren_InheritIt()
    {
        var scheduler = new ManualPromiseScheduler();
        PromiseContext? child = null;
        PromiseContext? grandchild = null;
        Promise<bool>? grandchildWorkOnScheduler = null;

        Promise parent = Promise.Run(
            () => Promise.Run(() =>
            {
                child = PromiseContext.Current;
                grandchildWorkOnScheduler = Promise.Run(() =>
                {
                    grandchild = PromiseContext.Current;
                    return scheduler.IsRunningHere;
                });
                return Promise.Resolve();
            }),
            new() { Scheduler = scheduler });

        // The grandchild's synchronous work waits on the scheduler (so do the adoption jobs of the two returned promises).
        Assert.Null(grandchild);
        Assert.NotEqual(0, scheduler.PendingCount);
        scheduler.RunAll();

        Assert.Equal(PromiseState.Fulfilled, parent.State);
        Assert.Same(scheduler, child!.Scheduler);
        Assert.Same(scheduler, grandchild!.Scheduler);
        Assert.True(grandchildWorkOnScheduler!.Value);
    }

    [Fact]
    public void Scheduler_ChildSetsItsOwn_OverridesTheInheritedOne()
    {
        var inherited = new ManualPromiseScheduler();
        var own = new ManualPromiseScheduler();
        var parent = new PromiseContext(new() { Scheduler = inherited });

        var child = new PromiseContext(new() { Parent = parent, Scheduler = own });
        var grandchild = new PromiseContext(new() { Parent = child });

        Assert.Same(own, child.Scheduler);
        Assert.Same(own, grandchild.Scheduler);
    }

    [Fact]
    public void Scheduler_TakenFromTheAmbientContextAtCreation_StaysWhenTheAmbientOneChanges()
    {
        var installedAtCreation = new QueueingSynchronizationContext();
        PromiseContext context;
        using (SynchronizationContextScope.Install(installedAtCreation))
        {
            context = new PromiseContext();
        }

        using var noContext = SynchronizationContextScope.None();
        Promise<SynchronizationContext?> handler;
        using (context.Enter())
        {
            handler = Promise.Resolve(1).Then(x => SynchronizationContext.Current);
        }

        Assert.Equal(1, installedAtCreation.PostCount);
        installedAtCreation.RunPending();
        Assert.Same(installedAtCreation, handler.Value);
    }

    // ----- the library serializes a promise's handlers -----

    [Fact]
    public void Custom_PostRunsCallbacksInParallel_HandlersOfOnePromiseRunInAttachmentOrderOneAtATime()
    {
        const int HandlerCount = 200;
        var scheduler = new ParallelPromiseScheduler();
        var context = new PromiseContext(new() { Scheduler = scheduler });
        var source = Promise.WithResolvers<int>();
        var order = new List<int>();
        var handlers = new List<Promise<int>>();
        int running = 0;
        int overlaps = 0;
        int offScheduler = 0;

        int Handler(int index)
        {
            if (Interlocked.Increment(ref running) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            if (!scheduler.IsRunningHere)
            {
                Interlocked.Increment(ref offScheduler);
            }

            lock (order)
            {
                order.Add(index);
            }

            // Widen the window in which a second handler could overlap this one.
            Thread.SpinWait(500);
            Interlocked.Decrement(ref running);
            return index;
        }

        using (context.Enter())
        {
            for (int i = 0; i < HandlerCount / 2; i++)
            {
                int index = i;
                handlers.Add(source.Promise.Then(x => Handler(index)));
            }

            source.Resolve(1);
            for (int i = HandlerCount / 2; i < HandlerCount; i++)
            {
                int index = i;
                handlers.Add(source.Promise.Then(x => Handler(index)));
            }
        }

        using var noContext = SynchronizationContextScope.None();
        Promise.All(handlers).Wait(TestTimeouts.Generous);

        Assert.Equal(Enumerable.Range(0, HandlerCount), order);
        Assert.Equal(0, overlaps);
        Assert.Equal(0, offScheduler);
    }

    [Fact]
    public void Custom_PostRunsCallbacksInReverse_HandlersOfOnePromiseStillRunInAttachmentOrder()
    {
        var scheduler = new ManualPromiseScheduler(reverse: true);
        var context = new PromiseContext(new() { Scheduler = scheduler });
        var pending = Promise.WithResolvers<int>();
        Promise<int> settled = Promise.Resolve(0);
        var pendingOrder = new List<int>();
        var settledOrder = new List<int>();

        using (context.Enter())
        {
            for (int i = 0; i < 5; i++)
            {
                int index = i;
                pending.Promise.Then(x => pendingOrder.Add(index));
                settled.Then(x => settledOrder.Add(index));
            }
        }

        pending.Resolve(1);
        scheduler.RunAll();

        Assert.Equal([0, 1, 2, 3, 4], pendingOrder);
        Assert.Equal([0, 1, 2, 3, 4], settledOrder);
    }

    [Fact]
    public void Custom_PostRunsCallbacksInReverse_ChainedHandlersStillRunInChainOrder()
    {
        var scheduler = new ManualPromiseScheduler(reverse: true);
        var log = new List<string>();

        Promise.Run(
            () => Promise.Resolve(1)
                .Then(x =>
                {
                    log.Add("first");
                    return x + 1;
                })
                .Then(x =>
                {
                    log.Add("second");
                    return x + 1;
                })
                .Finally(() => log.Add("finally")),
            new() { Scheduler = scheduler });
        scheduler.RunAll();

        Assert.Equal(["first", "second", "finally"], log);
    }
}
