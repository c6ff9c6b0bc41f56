using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary><c>Then</c> on <see cref="Promise{T}"/> and <see cref="Promise"/>: results, pass-through, and when and in what order handlers run.</summary>
public sealed class PromiseThenTests
{
    private const int HandlerCount = 200;

    // True only while this thread is inside a Then/Catch/Finally call made by a test: a handler that sees it ran inside the call.
    [ThreadStatic]
    private static bool t_insideAttach;

    // ----- results -----

    [Fact]
    public void Then_ValueHandler_FulfillsWithTheHandlersResult()
    {
        string value = PromiseLoop.Run(() => Promise.Resolve(20).Then(x => x + 1).Then(x => $"<{x}>"));

        Assert.Equal("<21>", value);
    }

    [Fact]
    public void Then_HandlerThrows_RejectsWithTheThrownExceptionInstance()
    {
        var thrown = new FormatException("handler");

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Then<int>(x => throw thrown)));

        Assert.Same(thrown, caught);
    }

    [Fact]
    public void Then_RejectedWithoutOnRejected_PassesTheSameReasonThroughWithoutCallingOnFulfilled()
    {
        var reason = new FormatException();
        bool called = false;

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.Reject<int>(reason).Then(x => { called = true; return x; }).Then(x => x.ToString())));

        Assert.Same(reason, caught);
        Assert.False(called);
    }

    [Fact]
    public void Then_FulfilledWithBothHandlers_RunsOnlyOnFulfilled()
    {
        var log = new List<string>();

        string result = PromiseLoop.Run(() => Promise.Resolve(1).Then(
            x => { log.Add("fulfilled"); return "ok"; },
            e => { log.Add("rejected"); return "error"; }));

        Assert.Equal("ok", result);
        Assert.Equal(["fulfilled"], log);
    }

    [Fact]
    public void Then_RejectedWithBothHandlers_RunsOnRejectedWithTheReasonAndFulfillsWithItsResult()
    {
        var reason = new FormatException();
        Exception? seen = null;

        string result = PromiseLoop.Run(() => Promise.Reject<int>(reason).Then(
            x => "ok",
            e => { seen = e; return "recovered"; }));

        Assert.Equal("recovered", result);
        Assert.Same(reason, seen);
    }

    [Fact]
    public void Then_ActionHandler_ReceivesTheValueAndFulfillsTheValueLessPromise()
    {
        int seen = 0;

        PromiseLoop.Run(() =>
        {
            Promise result = Promise.Resolve(5).Then(x => { seen = x; });
            return result;
        });

        Assert.Equal(5, seen);
    }

    [Fact]
    public void Then_ActionPairOnRejected_HandlesTheRejection()
    {
        var reason = new FormatException();
        Exception? seen = null;

        PromiseLoop.Run(() => Promise.Reject<int>(reason).Then(x => { }, e => { seen = e; }));

        Assert.Same(reason, seen);
    }

    [Fact]
    public void Then_ValueLessPromiseFuncHandler_FulfillsWithTheResult()
    {
        int value = PromiseLoop.Run(() => Promise.Resolve().Then(() => 3));

        Assert.Equal(3, value);
    }

    [Fact]
    public void Then_ValueLessPromiseRejectedWithBothHandlers_RunsOnRejected()
    {
        var reason = new FormatException();

        int value = PromiseLoop.Run(() => Promise.Reject(reason).Then(() => 1, e => e == reason ? 2 : 3));

        Assert.Equal(2, value);
    }

    [Fact]
    public void Then_HandlerOfASettledPromise_RunsExactlyOnce()
    {
        int calls = 0;
        Action<int>? resolveAgain = null;

        PromiseLoop.Run(() =>
        {
            var promise = new Promise<int>((resolve, reject) =>
            {
                resolveAgain = resolve;
                resolve(1);
            });
            var result = promise.Then(x => { calls++; });
            resolveAgain!(2);
            return result;
        });

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Then_SamePromiseManyTimes_EveryHandlerSeesTheSameValue()
    {
        int[] seen = PromiseLoop.Run(() =>
        {
            var source = Promise.Resolve(4);
            return Promise.All(source.Then(x => x), source.Then(x => x * 10), source.Then(x => x * 100));
        });

        Assert.Equal([4, 40, 400], seen);
    }

    // ----- cost -----

    [Fact]
    public void Then_OfNoValueInsideLoop_AllocatesOneObjectOfSixWords()
    {
        long allocated = 0;

        PromiseLoop.Run(() =>
        {
            Promise settled = Promise.Resolve();
            Action handler = static () => { };
            settled.Then(handler); // warm up: JIT, the loop's cached reaction context, its queue
            long before = GC.GetAllocatedBytesForCurrentThread();
            Promise last = settled.Then(handler);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return last;
        });

        // The reaction promise only (object header and method table, its five fields in four words): the value of a
        // value-less promise fits in the last word of Promise's fields. Nothing else: the context is the cached one.
        Assert.Equal(6 * IntPtr.Size, allocated);
    }

    // ----- never inside the call (A+ 2.2.4) -----

    [Fact]
    public void Then_SettledPromiseInsideLoop_HandlerDoesNotRunInsideThen()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var fulfilled = Promise.Resolve(1);
            var rejected = Promise.Reject<int>(new FormatException());
            fulfilled.Then(x => log.Add("then"));
            rejected.Catch(e => log.Add("catch"));
            fulfilled.Finally(() => log.Add("finally"));
            log.Add("after attaching");
            return Promise.Resolve();
        });

        Assert.Equal(["after attaching", "then", "catch", "finally"], log);
    }

    [Fact]
    public void Then_SettledPromiseOnThreadPool_HandlerDoesNotRunInsideThen()
    {
        using var noContext = SynchronizationContextScope.None();
        bool ranInside = false;
        var fulfilled = Promise.Resolve(1);
        var rejected = Promise.Reject<int>(new FormatException());

        var handlers = new List<Promise>();
        for (int i = 0; i < 50; i++)
        {
            t_insideAttach = true;
            handlers.Add(fulfilled.Then(x => { ranInside |= t_insideAttach; }));
            handlers.Add(rejected.Catch(e => { ranInside |= t_insideAttach; }));
            handlers.Add(fulfilled.Finally(() => { ranInside |= t_insideAttach; }));
            t_insideAttach = false;
        }

        foreach (Promise handler in handlers)
        {
            handler.Wait(TestTimeouts.Generous);
        }

        Assert.False(ranInside);
    }

    [Fact]
    public void Then_SettledPromiseWithSynchronizationContext_HandlerIsPostedNotRunInsideThen()
    {
        var context = new QueueingSynchronizationContext();
        bool ran = false;
        Promise result;

        using (SynchronizationContextScope.Install(context))
        {
            result = Promise.Resolve(1).Then(x => { ran = true; });
            Assert.False(ran);
            context.RunUntil(() => result.State != PromiseState.Pending, TestTimeouts.Generous);
        }

        Assert.True(ran);
    }

    [Fact]
    public void Resolve_PendingPromiseWithHandlersInsideLoop_HandlersDoNotRunInsideTheResolveCall()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var resolvers = Promise.WithResolvers<int>();
            resolvers.Promise.Then(x => log.Add("handler"));
            resolvers.Resolve(1);
            log.Add("after resolve");
            return resolvers.Promise;
        });

        Assert.Equal(["after resolve", "handler"], log);
    }

    // ----- attachment order (A+ 2.2.6) -----

    [Fact]
    public void Then_ManyHandlersInsideLoop_RunInAttachmentOrder()
    {
        var order = new List<int>();

        PromiseLoop.Run(() =>
        {
            var resolvers = Promise.WithResolvers<int>();
            for (int i = 0; i < HandlerCount / 2; i++)
            {
                int index = i;
                resolvers.Promise.Then(x => order.Add(index));
            }

            resolvers.Resolve(0);
            for (int i = HandlerCount / 2; i < HandlerCount; i++)
            {
                int index = i;
                resolvers.Promise.Then(x => order.Add(index));
            }

            return resolvers.Promise;
        });

        Assert.Equal(Enumerable.Range(0, HandlerCount), order);
    }

    [Fact]
    public void Then_ManyHandlersOnPendingPromiseOnThreadPool_RunInAttachmentOrder()
    {
        using var noContext = SynchronizationContextScope.None();
        var resolvers = Promise.WithResolvers<int>();

        List<int> order = AttachRecordingHandlers(resolvers.Promise, out Promise last);
        resolvers.Resolve(0);
        last.Wait(TestTimeouts.Generous);

        AssertStrictlyIncreasing(order);
    }

    [Fact]
    public void Then_ManyHandlersOnSettledPromiseOnThreadPool_RunInAttachmentOrder()
    {
        using var noContext = SynchronizationContextScope.None();

        List<int> order = AttachRecordingHandlers(Promise.Resolve(0), out Promise last);
        last.Wait(TestTimeouts.Generous);

        AssertStrictlyIncreasing(order);
    }

    [Fact]
    public void Then_ManyHandlersResolvedFromAnotherThreadOnThreadPool_NeverOverlap()
    {
        using var noContext = SynchronizationContextScope.None();
        var resolvers = Promise.WithResolvers<int>();
        int running = 0;
        int maxRunning = 0;
        var handlers = new List<Promise>();

        for (int i = 0; i < HandlerCount; i++)
        {
            handlers.Add(resolvers.Promise.Then(x =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);

                // Stay busy a moment so that an overlapping handler would be caught running.
                Thread.SpinWait(2000);
                Interlocked.Decrement(ref running);
            }));
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(0), null);
        foreach (Promise handler in handlers)
        {
            handler.Wait(TestTimeouts.Generous);
        }

        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public void Then_HandlersOfDifferentShapesOnThreadPool_RunInAttachmentOrder()
    {
        using var noContext = SynchronizationContextScope.None();
        var order = new List<string>();
        var resolvers = Promise.WithResolvers<int>();
        void Record(string name)
        {
            lock (order)
            {
                order.Add(name);
            }
        }

        resolvers.Promise.Then(x => Record("then"));
        resolvers.Promise.Catch(e => { Record("catch"); return 0; });
        resolvers.Promise.Finally(() => Record("finally"));
        resolvers.Promise.Then(x => { Record("then value"); return x; });
        Promise last = resolvers.Promise.Then(x => Record("last"));
        resolvers.Resolve(1);
        last.Wait(TestTimeouts.Generous);

        // The Catch handler is not called on fulfillment, but its pass-through still takes its turn.
        Assert.Equal(["then", "finally", "then value", "last"], order);
    }

    [Fact]
    public void Then_InsideLoopPromiseResolvedByAnotherThreadBetweenTwoAttachments_HandlersRunInAttachmentOrder()
    {
        var order = new List<string>();

        PromiseLoop.Run(() =>
        {
            var resolvers = Promise.WithResolvers<int>();
            var first = resolvers.Promise.Then(x => order.Add("first"));

            // Settled by another thread after the first attachment and before the second.
            var resolver = new Thread(() => resolvers.Resolve(1));
            resolver.Start();
            resolver.Join();

            var second = resolvers.Promise.Then(x => order.Add("second"));
            return Promise.All(first.Then(() => 0), second.Then(() => 0));
        });

        Assert.Equal(["first", "second"], order);
    }

    [Fact]
    public void Then_HandlersAttachedWhileAnotherThreadResolvesOnThreadPool_RunInAttachmentOrder()
    {
        // A race, so several rounds: handlers keep being attached on this thread while another thread resolves.
        using var noContext = SynchronizationContextScope.None();
        const int Count = 2000;
        for (int round = 0; round < 20; round++)
        {
            var resolvers = Promise.WithResolvers<int>();
            var order = new List<int>(Count);
            using var started = new ManualResetEventSlim();
            var resolver = new Thread(() =>
            {
                started.Wait();
                resolvers.Resolve(0);
            });
            resolver.Start();

            Promise last = resolvers.Promise;
            for (int i = 0; i < Count; i++)
            {
                int index = i;
                last = resolvers.Promise.Then(x =>
                {
                    lock (order)
                    {
                        order.Add(index);
                    }
                });
                if (i == Count / 4)
                {
                    started.Set();
                }
            }

            Assert.True(resolver.Join(TestTimeouts.Generous));
            last.Wait(TestTimeouts.Generous);
            lock (order)
            {
                for (int i = 1; i < order.Count; i++)
                {
                    Assert.True(order[i - 1] < order[i], $"Round {round}: handler {order[i]} ran after handler {order[i - 1]}.");
                }
            }
        }
    }

    private static List<int> AttachRecordingHandlers(Promise<int> promise, out Promise last)
    {
        var order = new List<int>();
        last = promise;
        for (int i = 0; i < HandlerCount; i++)
        {
            int index = i;
            last = promise.Then(x =>
            {
                lock (order)
                {
                    order.Add(index);
                }
            });
        }

        return order;
    }

    private static void AssertStrictlyIncreasing(List<int> order)
    {
        lock (order)
        {
            Assert.Equal(HandlerCount, order.Count);
            for (int i = 1; i < order.Count; i++)
            {
                Assert.True(order[i - 1] < order[i], $"Handler {order[i]} ran after handler {order[i - 1]}.");
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
