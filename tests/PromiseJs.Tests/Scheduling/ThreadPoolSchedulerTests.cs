using PromiseJs.Context;
using PromiseJs.Scheduling;
using PromiseJs.Tests.Scheduling.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

/// <summary>
/// <see cref="PromiseScheduler.ThreadPool"/>, where handlers run outside any loop or synchronization context: the handlers of
/// one promise run one after another in attachment order, those of unrelated promises in parallel (Promises/A+ 2.2.6 is a
/// per-promise rule), and a handler that blocks on <see cref="Promise.Wait()"/> still lets the promise it waits for settle.
/// </summary>
[Collection(BlockingThreadPoolGroup.Name)]
public sealed class ThreadPoolSchedulerTests
{
    [Fact]
    public void Then_AHandlerBlocks_AHandlerOfAnUnrelatedPromiseStillRuns()
    {
        using var noContext = SynchronizationContextScope.None();
        var (blockedSource, otherSource) = OnDifferentStripes(ThreadPoolJobScheduler.Instance.Queues);
        using var started = new ManualResetEventSlim();
        using var released = new ManualResetEventSlim();

        // Blocks its thread (not through Promise.Wait, which would hand its queue on) until the other handler has run.
        Promise<bool> blocked = blockedSource.Then(x =>
        {
            started.Set();
            return released.Wait(TestTimeouts.Generous);
        });
        Assert.True(started.Wait(TestTimeouts.Generous));
        Promise other = otherSource.Then(x => released.Set());

        Assert.True(blocked.Wait(TestTimeouts.Generous), "the unrelated promise's handler waited for the blocked handler");
        other.Wait(TestTimeouts.Generous);
    }

    [Fact]
    public void Then_ManyThreadsAttachToOnePromiseBeforeAndAfterItSettles_EachThreadsHandlersRunInOrderOneAtATime()
    {
        const int Threads = 4;
        const int PerThread = 200;
        using var noContext = SynchronizationContextScope.None();
        var source = Promise.WithResolvers<int>();
        var order = new List<(int Thread, int Index)>();
        var handlers = new Promise[Threads][];
        int running = 0;
        int overlaps = 0;
        using var go = new Barrier(Threads + 1);

        void Handler(int thread, int index)
        {
            if (Interlocked.Increment(ref running) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            lock (order)
            {
                order.Add((thread, index));
            }

            // Widen the window in which a second handler could overlap this one.
            Thread.SpinWait(200);
            Interlocked.Decrement(ref running);
        }

        var attachers = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int thread = t;
            handlers[thread] = new Promise[PerThread];
            attachers[thread] = new Thread(() =>
            {
                go.SignalAndWait();
                for (int i = 0; i < PerThread; i++)
                {
                    int index = i;
                    handlers[thread][i] = source.Promise.Then(x => Handler(thread, index));
                }
            });
            attachers[thread].Start();
        }

        // Settles while the threads attach: some handlers wait for the settlement, the others dispatch at once.
        go.SignalAndWait();
        Thread.Yield();
        source.Resolve(1);
        foreach (Thread attacher in attachers)
        {
            Assert.True(attacher.Join(TestTimeouts.Generous));
        }

        Promise.All(handlers.SelectMany(h => h)).Wait(TestTimeouts.Generous);

        Assert.Equal(Threads * PerThread, order.Count);
        Assert.Equal(0, overlaps);
        for (int t = 0; t < Threads; t++)
        {
            int thread = t;
            Assert.Equal(Enumerable.Range(0, PerThread), order.Where(entry => entry.Thread == thread).Select(entry => entry.Index));
        }
    }

    [Fact]
    public void Then_UnrelatedChains_EachChainRunsInOrder()
    {
        const int Chains = 32;
        const int Links = 50;
        using var noContext = SynchronizationContextScope.None();
        var starts = new PromiseWithResolvers<int>[Chains];
        var ends = new Promise<int>[Chains];
        for (int c = 0; c < Chains; c++)
        {
            starts[c] = Promise.WithResolvers<int>();
            Promise<int> link = starts[c].Promise;
            for (int i = 0; i < Links; i++)
            {
                int expected = i;
                link = link.Then(x => x == expected ? x + 1 : throw new InvalidOperationException($"link {expected} saw {x}"));
            }

            ends[c] = link;
        }

        foreach (PromiseWithResolvers<int> start in starts)
        {
            start.Resolve(0);
        }

        Assert.All(Promise.All(ends).Wait(TestTimeouts.Generous), value => Assert.Equal(Links, value));
    }

    [Fact]
    public void Wait_InsideAHandler_ALaterHandlerOfTheSamePromiseSettlesWhatItWaitsFor()
    {
        using var noContext = SynchronizationContextScope.None();
        var source = Promise.Resolve(1);
        var gate = Promise.WithResolvers<int>();

        // The second handler sits behind the first in the same per-promise queue: the first must hand the queue on.
        Promise<int> waiting = source.Then(x => gate.Promise.Wait(TestTimeouts.Generous) + x);
        Promise opening = source.Then(x => gate.Resolve(41));

        Assert.Equal(42, waiting.Wait(TestTimeouts.Generous));
        opening.Wait(TestTimeouts.Generous);
    }

    [Fact]
    public void FromTaskScheduler_DefaultTaskScheduler_AHandlerBlocks_AHandlerOfAnUnrelatedPromiseStillRuns()
    {
        var scheduler = (TaskSchedulerScheduler)PromiseScheduler.FromTaskScheduler(TaskScheduler.Default);
        var context = new PromiseContext(new() { Scheduler = scheduler });
        var (blockedSource, otherSource) = OnDifferentStripes(scheduler.Queues!);
        using var started = new ManualResetEventSlim();
        using var released = new ManualResetEventSlim();
        Promise<bool> blocked;
        Promise other;

        using (context.Enter())
        {
            blocked = blockedSource.Then(x =>
            {
                started.Set();
                return released.Wait(TestTimeouts.Generous);
            });
        }

        Assert.True(started.Wait(TestTimeouts.Generous));
        using (context.Enter())
        {
            other = otherSource.Then(x => released.Set());
        }

        using var noContext = SynchronizationContextScope.None();
        Assert.True(blocked.Wait(TestTimeouts.Generous), "the unrelated promise's handler waited for the blocked handler");
        other.Wait(TestTimeouts.Generous);
    }

    [Fact]
    public void FromTaskScheduler_ExclusiveTaskScheduler_HandlersOfAllPromisesRunInTheOrderTheyWereQueued()
    {
        var pair = new ConcurrentExclusiveSchedulerPair();
        var scheduler = (TaskSchedulerScheduler)PromiseScheduler.FromTaskScheduler(pair.ExclusiveScheduler);
        var context = new PromiseContext(new() { Scheduler = scheduler });
        var order = new List<int>();
        var handlers = new List<Promise>();

        Assert.Null(scheduler.Queues);
        using (context.Enter())
        {
            for (int i = 0; i < 100; i++)
            {
                int index = i;
                handlers.Add(Promise.Resolve(i).Then(x => { lock (order) { order.Add(index); } }));
            }
        }

        using var noContext = SynchronizationContextScope.None();
        Promise.All(handlers).Wait(TestTimeouts.Generous);
        Assert.Equal(Enumerable.Range(0, 100), order);
    }

    // Two settled promises whose handlers go to different per-promise queues: found by asking the queues, so the tests
    // above cannot fail by two promises sharing a stripe.
    private static (Promise<int> First, Promise<int> Second) OnDifferentStripes(StripedJobQueue queues)
    {
        Promise<int> first = Promise.Resolve(1);
        while (true)
        {
            Promise<int> second = Promise.Resolve(2);
            if (queues.StripeOf(second) != queues.StripeOf(first))
            {
                return (first, second);
            }
        }
    }
}
