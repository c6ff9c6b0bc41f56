using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PromiseJs.Context;
using PromiseJs.Reactive.Tests.TestSupport;
using PromiseJs.Scheduling;

namespace PromiseJs.Reactive.Tests.Scheduling;

/// <summary><c>scheduler.ToPromiseScheduler()</c>: an Rx scheduler as the scheduler of a promise context.</summary>
public sealed class ToPromiseSchedulerTests
{
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(30);

    [Fact]
    public void ToPromiseScheduler_PromiseRunWork_RunsWhenTheVirtualClockAdvances()
    {
        var clock = new HistoricalScheduler();
        int runs = 0;

        Promise<int> promise = Promise.Run(() => ++runs, new PromiseContextOptions { Scheduler = clock.ToPromiseScheduler() });

        Assert.Equal(0, runs);
        Assert.Equal(PromiseState.Pending, promise.State);
        clock.AdvanceBy(TimeSpan.FromTicks(1));
        Assert.Equal(1, runs);
        Assert.Equal(1, promise.Value);
    }

    [Fact]
    public void ToPromiseScheduler_HandlersAttachedInTheContext_RunWhenTheClockAdvances()
    {
        var clock = new HistoricalScheduler();
        var context = new PromiseContext(new PromiseContextOptions { Scheduler = clock.ToPromiseScheduler() });
        var log = new List<string>();
        Promise done;

        using (context.Enter())
        {
            done = Promise.Resolve(1)
                .Then(x => log.Add($"first {x}"))
                .Then(() => log.Add("second"));
        }

        Assert.Empty(log);
        clock.AdvanceBy(TimeSpan.FromTicks(1));
        Assert.Equal(["first 1", "second"], log);
        Assert.Equal(PromiseState.Fulfilled, done.State);
        context.Complete();
    }

    [Fact]
    public void ToPromiseScheduler_RxTimersAndPromiseHandlers_ShareOneVirtualClock()
    {
        using var time = new VirtualTime();
        var log = new List<string>();

        time.Run(() =>
        {
            Observable.Timer(TimeSpan.FromSeconds(5), time.Scheduler).ToPromise()
                .Then(_ => log.Add($"timer handler at {time.Elapsed.TotalSeconds}s"))
                .Then(() => Observable.Timer(TimeSpan.FromSeconds(3), time.Scheduler).ToPromise())
                .Then(_ => log.Add($"second timer handler at {time.Elapsed.TotalSeconds}s"));
        });
        time.At(5, () => log.Add("other Rx work at 5s"));

        time.AdvanceTo(4);
        Assert.Empty(log);
        time.AdvanceTo(100);

        // The handler is a job queued when the timer fires: it runs after the Rx work already due at that instant.
        Assert.Equal(["other Rx work at 5s", "timer handler at 5s", "second timer handler at 8s"], log);
    }

    [Fact]
    public void ToPromiseScheduler_AsyncPromiseWork_AwaitsRxTimeWithoutBlocking()
    {
        using var time = new VirtualTime();
        var log = new List<string>();

        Promise<long> work = time.Run(() => Promise.Run(async () =>
        {
            log.Add("started");
            long last = await Observable.Interval(TimeSpan.FromSeconds(1), time.Scheduler).Take(3).ToPromise();
            log.Add($"resumed at {time.Elapsed.TotalSeconds}s");
            return last;
        }));

        Assert.Equal(["started"], log);
        time.AdvanceTo(10);

        Assert.Equal(["started", "resumed at 3s"], log);
        Assert.Equal(2L, work.Value);
    }

    [Fact]
    public void ToPromiseScheduler_EventLoopScheduler_RunsHandlersOnItsThread()
    {
        using var eventLoop = new EventLoopScheduler();
        int eventLoopThread = ThreadOf(eventLoop);

        Promise<int> promise = Promise.Run(
            () => Promise.Resolve(0).Then(_ => Environment.CurrentManagedThreadId),
            new PromiseContextOptions { Scheduler = eventLoop.ToPromiseScheduler() });

        Assert.Equal(eventLoopThread, promise.Wait(s_generous));
    }

    [Fact]
    public void ToPromiseScheduler_HandlersOfOnePromise_RunInAttachmentOrderOnAParallelScheduler()
    {
        var context = new PromiseContext(new PromiseContextOptions { Scheduler = TaskPoolScheduler.Default.ToPromiseScheduler() });
        var resolvers = Promise.WithResolvers<int>();
        var order = new List<int>();
        var handlers = new List<Promise>();

        using (context.Enter())
        {
            for (int i = 0; i < 100; i++)
            {
                int index = i;
                handlers.Add(resolvers.Promise.Then(_ => order.Add(index)));
            }
        }

        resolvers.Resolve(0);
        Promise.All(handlers.Select(h => h.Then(() => 0))).Wait(s_generous);

        Assert.Equal(Enumerable.Range(0, 100), order);
        context.Complete();
    }

    [Fact]
    public void ToPromiseScheduler_PromiseLoopScheduler_GivesBackTheLoopsOwnScheduler()
    {
        PromiseScheduler? converted = null;
        PromiseScheduler? loop = null;

        PromiseLoop.Run(() =>
        {
            converted = PromiseLoopScheduler.Current.ToPromiseScheduler();
            loop = PromiseScheduler.CurrentLoop;
            return Promise.Resolve();
        });

        Assert.NotNull(loop);
        Assert.Same(loop, converted);
    }

    [Fact]
    public void ToPromiseScheduler_SchedulerThatRunsWorkInline_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ImmediateScheduler.Instance.ToPromiseScheduler());
        Assert.Throws<ArgumentException>(() => CurrentThreadScheduler.Instance.ToPromiseScheduler());
        Assert.Throws<ArgumentNullException>(() => ((IScheduler)null!).ToPromiseScheduler());
    }

    private static int ThreadOf(IScheduler scheduler)
    {
        using var done = new ManualResetEventSlim();
        int thread = 0;
        scheduler.Schedule(() =>
        {
            thread = Environment.CurrentManagedThreadId;
            done.Set();
        });
        Assert.True(done.Wait(s_generous));
        return thread;
    }
}
