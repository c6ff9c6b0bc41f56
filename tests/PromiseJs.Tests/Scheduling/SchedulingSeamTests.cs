using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

/// <summary>
/// Where handlers run, decided when they are attached: inside <see cref="PromiseLoop.Run(Func{Promise})"/> on the loop thread;
/// with a custom <see cref="SynchronizationContext"/> posted to it; with none on the thread pool. And with which
/// <see cref="ExecutionContext"/>: the one current at attachment.
/// </summary>
public sealed class SchedulingSeamTests
{
    private static readonly AsyncLocal<string?> s_ambient = new();

    // ----- inside the loop -----

    [Fact]
    public void InsideLoop_EveryKindOfHandler_RunsOnTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        var threads = new List<(string Handler, int Thread)>();
        void Record(string handler) => threads.Add((handler, Environment.CurrentManagedThreadId));

        PromiseLoop.Run(() =>
        {
            var fromPool = Promise.WithResolvers<int>();
            var rejectedFromPool = Promise.WithResolvers<int>();
            var source = new TaskCompletionSource<int>();
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                fromPool.Resolve(1);
                rejectedFromPool.Reject(new FormatException());
                source.SetResult(2);
            }, null);

            return Promise.AllSettled(
                fromPool.Promise.Then(x => { Record("then"); return x; }),
                rejectedFromPool.Promise.Catch(e => { Record("catch"); return 0; }),
                fromPool.Promise.Finally(() => Record("finally")),
                Promise.Resolve(0).Then(x => source.Task).Then(x => { Record("after task"); return x; }),
                Promise.From(source.Task).Then(x => { Record("from task"); return x; }),
                Promise.Delay(1).Then(() => { Record("delay"); return 0; }),
                Promise.All(fromPool.Promise, Promise.Resolve(1)).Then(x => { Record("all"); return 0; }));
        });

        Assert.Equal(7, threads.Count);
        Assert.All(threads, entry => Assert.Equal(loopThread, entry.Thread));
    }

    // ----- a custom synchronization context -----

    [Fact]
    public void WithSynchronizationContext_HandlerOfSettledPromise_IsPostedAndRunsWhenPumped()
    {
        var context = new QueueingSynchronizationContext();
        int handlerThread = 0;

        using (SynchronizationContextScope.Install(context))
        {
            var result = Promise.Resolve(1).Then(x => { handlerThread = Environment.CurrentManagedThreadId; });

            Assert.Equal(1, context.PostCount);
            Assert.Equal(0, handlerThread);
            Assert.Equal(1, context.RunPending());
            Assert.Equal(PromiseState.Fulfilled, result.State);
        }

        Assert.Equal(Environment.CurrentManagedThreadId, handlerThread);
    }

    [Fact]
    public void WithSynchronizationContext_PromiseResolvedOnAnotherThread_HandlerRunsOnThePumpingThread()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        var handlerThreads = new List<int>();
        SynchronizationContext? handlerContext = null;

        using (SynchronizationContextScope.Install(context))
        {
            var result = resolvers.Promise
                .Then(x =>
                {
                    handlerThreads.Add(Environment.CurrentManagedThreadId);
                    return x + 1;
                })
                .Then(x =>
                {
                    handlerThreads.Add(Environment.CurrentManagedThreadId);
                    handlerContext = SynchronizationContext.Current;
                });
            ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(1), null);
            context.RunUntil(() => result.State != PromiseState.Pending, TestTimeouts.Generous);
        }

        Assert.Equal([Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId], handlerThreads);
        Assert.Same(context, handlerContext);

        // One post: the second handler joined the queue the first post was draining (the context's one FIFO queue).
        Assert.Equal(1, context.PostCount);
    }

    [Fact]
    public void WithSynchronizationContext_HandlersOfOnePromise_ArePostedInAttachmentOrder()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        var order = new List<int>();

        using (SynchronizationContextScope.Install(context))
        {
            for (int i = 0; i < 50; i++)
            {
                int index = i;
                resolvers.Promise.Then(x => order.Add(index));
            }

            resolvers.Resolve(0);
            Assert.Empty(order);
            context.RunPending();
        }

        Assert.Equal(Enumerable.Range(0, 50), order);
    }

    [Fact]
    public void WithSynchronizationContext_HandlersAttachedWhileAnotherThreadResolves_ArePostedInAttachmentOrder()
    {
        // A race, so several rounds: handlers keep being attached on this thread while another thread resolves.
        const int Count = 2000;
        for (int round = 0; round < 20; round++)
        {
            var context = new QueueingSynchronizationContext();
            var order = new List<int>(Count);
            var resolvers = Promise.WithResolvers<int>();
            using var started = new ManualResetEventSlim();
            var resolver = new Thread(() =>
            {
                started.Wait();
                resolvers.Resolve(0);
            });
            resolver.Start();

            using (SynchronizationContextScope.Install(context))
            {
                Promise last = resolvers.Promise;
                for (int i = 0; i < Count; i++)
                {
                    int index = i;
                    last = resolvers.Promise.Then(x => order.Add(index));
                    if (i == Count / 4)
                    {
                        started.Set();
                    }
                }

                Assert.True(resolver.Join(TestTimeouts.Generous));
                context.RunUntil(() => last.State != PromiseState.Pending, TestTimeouts.Generous);
            }

            Assert.True(order.SequenceEqual(Enumerable.Range(0, Count)), $"Round {round}: handlers ran out of attachment order.");
        }
    }

    [Fact]
    public void SchedulerChoice_IsMadeAtAttachment_HandlerGoesToTheContextCurrentWhenThenWasCalled()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        Promise result;

        using (SynchronizationContextScope.Install(context))
        {
            result = resolvers.Promise.Then(x => { });
        }

        using (SynchronizationContextScope.None())
        {
            resolvers.Resolve(1);
        }

        Assert.Equal(1, context.PostCount);
        Assert.Equal(PromiseState.Pending, result.State);
        using (SynchronizationContextScope.Install(context))
        {
            context.RunPending();
        }

        Assert.Equal(PromiseState.Fulfilled, result.State);
    }

    [Fact]
    public void SchedulerChoice_IsMadeAtAttachment_ContextInstalledLaterIsNotUsed()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        Promise<bool> onPool;

        using (SynchronizationContextScope.None())
        {
            onPool = resolvers.Promise.Then(x => Thread.CurrentThread.IsThreadPoolThread);
        }

        using (SynchronizationContextScope.Install(context))
        {
            resolvers.Resolve(1);
            Assert.True(onPool.Wait(TestTimeouts.Generous));
        }

        Assert.Equal(0, context.PostCount);
    }

    // ----- no context: the thread pool -----

    [Fact]
    public void WithoutContext_Handlers_RunOnThreadPoolThreadsWithoutAContextAndNotOnTheResolvingThread()
    {
        using var noContext = SynchronizationContextScope.None();
        var resolvers = Promise.WithResolvers<int>();
        var seen = new List<(bool IsPoolThread, int Thread, SynchronizationContext? Context)>();

        var result = resolvers.Promise.Then(x =>
        {
            lock (seen)
            {
                seen.Add((Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId, SynchronizationContext.Current));
            }
        });
        int resolvingThread = 0;
        var resolver = new Thread(() =>
        {
            resolvingThread = Environment.CurrentManagedThreadId;
            resolvers.Resolve(1);
        });
        resolver.Start();
        Assert.True(resolver.Join(TestTimeouts.Generous));
        result.Wait(TestTimeouts.Generous);

        var entry = Assert.Single(seen);
        Assert.True(entry.IsPoolThread);
        Assert.NotEqual(resolvingThread, entry.Thread);
        Assert.Null(entry.Context);
    }

    // ----- execution context -----

    [Fact]
    public void InsideLoop_Handler_SeesTheAsyncLocalValueCurrentAtAttachment()
    {
        string? seen = "unset";

        PromiseLoop.Run(() =>
        {
            var resolvers = Promise.WithResolvers<int>();
            s_ambient.Value = "at attachment";
            var result = resolvers.Promise.Then(x => { seen = s_ambient.Value; });
            s_ambient.Value = "changed later";
            ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(1), null);
            return result;
        });

        Assert.Equal("at attachment", seen);
    }

    [Fact]
    public void OnThreadPool_Handler_SeesTheAsyncLocalValueCurrentAtAttachmentNotTheSettlingFlows()
    {
        using var noContext = SynchronizationContextScope.None();
        var resolvers = Promise.WithResolvers<int>();
        string? seen = "unset";

        s_ambient.Value = "at attachment";
        var result = resolvers.Promise.Then(x => { seen = s_ambient.Value; });
        s_ambient.Value = "changed later";
        ThreadPool.QueueUserWorkItem(_ =>
        {
            s_ambient.Value = "settling flow";
            resolvers.Resolve(1);
        });
        result.Wait(TestTimeouts.Generous);

        Assert.Equal("at attachment", seen);
    }

    [Fact]
    public void OnThreadPool_SettledFromAFlowWithoutExecutionContext_HandlerStillSeesTheAttachmentValue()
    {
        using var noContext = SynchronizationContextScope.None();
        var resolvers = Promise.WithResolvers<int>();
        string? seen = "unset";

        s_ambient.Value = "at attachment";
        var result = resolvers.Promise.Then(x => { seen = s_ambient.Value; });
        s_ambient.Value = null;
        using (ExecutionContext.SuppressFlow())
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(1), null);
        }

        result.Wait(TestTimeouts.Generous);

        Assert.Equal("at attachment", seen);
    }

    [Fact]
    public void FlowSuppressedWhereTheHandlerRuns_Handler_SeesItsAttachmentContextAndTheThreadKeepsItsOwn()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        string? seen = "unset";
        bool suppressedAfter;
        string? ambientAfter;

        using (SynchronizationContextScope.Install(context))
        {
            s_ambient.Value = "at attachment";
            var result = resolvers.Promise.Then(x => { seen = s_ambient.Value; });
            s_ambient.Value = "the thread's own";
            using (ExecutionContext.SuppressFlow())
            {
                resolvers.Resolve(1);
                context.RunUntil(() => result.State != PromiseState.Pending, TestTimeouts.Generous);
                suppressedAfter = ExecutionContext.IsFlowSuppressed();
                ambientAfter = s_ambient.Value;
            }
        }

        Assert.Equal("at attachment", seen);
        Assert.True(suppressedAfter);
        Assert.Equal("the thread's own", ambientAfter);
    }

    [Fact]
    public void FlowSuppressedWhereAnAsyncMethodResumes_Method_SeesItsOwnContextAndTheThreadKeepsItsOwn()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        string? seen = "unset";
        bool suppressedAfter;
        string? ambientAfter;

        async Promise<int> Method()
        {
            s_ambient.Value = "in the method";
            int value = await resolvers.Promise;
            seen = s_ambient.Value;
            return value;
        }

        using (SynchronizationContextScope.Install(context))
        {
            s_ambient.Value = "the thread's own";
            Promise<int> result = Method();
            using (ExecutionContext.SuppressFlow())
            {
                resolvers.Resolve(1);
                context.RunUntil(() => result.State != PromiseState.Pending, TestTimeouts.Generous);
                suppressedAfter = ExecutionContext.IsFlowSuppressed();
                ambientAfter = s_ambient.Value;
            }
        }

        Assert.Equal("in the method", seen);
        Assert.True(suppressedAfter);
        Assert.Equal("the thread's own", ambientAfter);
    }

    [Fact]
    public void WithSynchronizationContext_Handler_SeesTheAsyncLocalValueCurrentAtAttachment()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        string? seen = "unset";

        using (SynchronizationContextScope.Install(context))
        {
            s_ambient.Value = "at attachment";
            var result = resolvers.Promise.Then(x => { seen = s_ambient.Value; });
            s_ambient.Value = "changed later";
            resolvers.Resolve(1);
            context.RunUntil(() => result.State != PromiseState.Pending, TestTimeouts.Generous);
        }

        Assert.Equal("at attachment", seen);
    }

    [Fact]
    public void OnThreadPool_HandlerChangingAnAsyncLocal_DoesNotLeakIntoTheNextHandler()
    {
        using var noContext = SynchronizationContextScope.None();
        var resolvers = Promise.WithResolvers<int>();
        var seen = new List<string?>();

        s_ambient.Value = "attached";
        for (int i = 0; i < 20; i++)
        {
            int index = i;
            resolvers.Promise.Then(x =>
            {
                lock (seen)
                {
                    seen.Add(s_ambient.Value);
                }

                s_ambient.Value = $"leaked by {index}";
            });
        }

        var last = resolvers.Promise.Then(x => { });
        s_ambient.Value = null;
        resolvers.Resolve(1);
        last.Wait(TestTimeouts.Generous);

        Assert.Equal(Enumerable.Repeat<string?>("attached", 20), seen);
    }

    [Fact]
    public void InsideLoop_HandlerChangingAnAsyncLocal_DoesNotLeakIntoTheNextHandlerOrTheLoop()
    {
        var seen = new List<string?>();

        PromiseLoop.Run(() =>
        {
            s_ambient.Value = "attached";
            var source = Promise.Resolve(1);
            source.Then(x => { s_ambient.Value = "leaked"; });
            source.Then(x => seen.Add(s_ambient.Value));
            s_ambient.Value = "other";
            return source.Then(x => seen.Add(s_ambient.Value));
        });

        Assert.Equal(["attached", "other"], seen);
    }
}
