using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Time.Testing;
using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests.Scheduling;

/// <summary><see cref="PromiseLoopScheduler"/>: the loop as an Rx scheduler, with immediate work as loop tasks and due-time
/// work as loop timers. Time is a fake clock advanced from inside the loop.</summary>
public sealed class PromiseLoopSchedulerTests
{
    [Fact]
    public void Current_OutsideALoop_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => PromiseLoopScheduler.Current);
        Assert.Throws<ArgumentNullException>(() => PromiseLoopScheduler.FromCurrentLoop(null!));
    }

    [Fact]
    public void Current_AnotherSynchronizationContextInstalled_ThrowsInvalidOperationException()
    {
        PromiseLoop.Run(() =>
        {
            SynchronizationContext? loopContext = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
            try
            {
                Assert.Throws<InvalidOperationException>(() => PromiseLoopScheduler.Current);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(loopContext);
            }

            return Promise.Resolve();
        });
    }

    [Fact]
    public void Schedule_ImmediateWork_RunsAsALoopTaskAfterTheMicrotasks()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.Current;
            PromiseLoop.SetImmediate(() => log.Add("setImmediate 1"));
            scheduler.Schedule(() => log.Add("Rx work"));
            PromiseLoop.SetImmediate(() => log.Add("setImmediate 2"));
            Promise.Resolve().Then(() => log.Add("microtask"));
            log.Add("script");
            return Promise.Resolve();
        });

        Assert.Equal(["script", "microtask", "setImmediate 1", "Rx work", "setImmediate 2"], log);
    }

    [Fact]
    public void Schedule_DueTimes_RunAsLoopTimersInOrderWithPromiseDelayAndTheirMicrotasks()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.FromCurrentLoop(clock);
            scheduler.Schedule(TimeSpan.FromSeconds(2), () => log.Add("Rx 2s (created first)"));
            Promise.Delay(TimeSpan.FromSeconds(2), clock).Then(() => log.Add("Promise.Delay 2s handler"));
            scheduler.Schedule(TimeSpan.FromSeconds(1), () =>
            {
                log.Add("Rx 1s");
                Promise.Resolve().Then(() => log.Add("microtask queued by Rx 1s"));
            });
            scheduler.Schedule(TimeSpan.FromSeconds(2), () => log.Add("Rx 2s (created last)"));
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(2)));
            return Promise.Resolve();
        });

        Assert.Equal(
            ["Rx 1s", "microtask queued by Rx 1s", "Rx 2s (created first)", "Promise.Delay 2s handler", "Rx 2s (created last)"],
            log);
    }

    [Fact]
    public void Schedule_AbsoluteDueTime_RunsWhenTheClockReachesIt()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.FromCurrentLoop(clock);
            DateTimeOffset start = scheduler.Now;
            scheduler.Schedule(start.AddSeconds(3), () => log.Add($"at {(scheduler.Now - start).TotalSeconds}s"));
            PromiseLoop.SetImmediate(() =>
            {
                clock.Advance(TimeSpan.FromSeconds(2));
                PromiseLoop.SetImmediate(() =>
                {
                    log.Add("2s passed");
                    clock.Advance(TimeSpan.FromSeconds(1));
                });
            });
            return Promise.Resolve();
        });

        Assert.Equal(["2s passed", "at 3s"], log);
    }

    [Fact]
    public void Schedule_ZeroDueTime_IsImmediateWork()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.Current;
            scheduler.Schedule(TimeSpan.Zero, () => log.Add("Rx due now"));
            PromiseLoop.SetImmediate(() => log.Add("setImmediate"));
            return Promise.Resolve();
        });

        Assert.Equal(["Rx due now", "setImmediate"], log);
    }

    [Fact]
    public void Schedule_DisposedBeforeItRuns_NeverRuns()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.FromCurrentLoop(clock);
            scheduler.Schedule(() => log.Add("immediate")).Dispose();
            scheduler.Schedule(TimeSpan.FromSeconds(1), () => log.Add("timer")).Dispose();
            scheduler.Schedule(TimeSpan.FromSeconds(1), () => log.Add("kept"));
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(1)));
            return Promise.Resolve();
        });

        Assert.Equal(["kept"], log);
    }

    [Fact]
    public void Schedule_DueTimeWorkDisposed_DoesNotKeepTheLoopWaiting()
    {
        // A fake clock nobody advances: a cancelled timer left in the loop would keep Run waiting forever.
        var clock = new FakeTimeProvider();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                PromiseLoop.Run(() =>
                {
                    PromiseLoopScheduler scheduler = PromiseLoopScheduler.FromCurrentLoop(clock);
                    scheduler.Schedule(TimeSpan.FromSeconds(10), () => { }).Dispose();
                    return Promise.Resolve();
                });
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();

        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "PromiseLoop.Run kept waiting for a cancelled Rx timer.");
        Assert.Null(failure);
    }

    [Fact]
    public void Schedule_FromAnotherThread_RunsOnTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        int immediateThread = 0;
        int timerThread = 0;

        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.Current;
            var immediate = Promise.WithResolvers();
            var timer = Promise.WithResolvers();
            Task.Run(() =>
            {
                scheduler.Schedule(() =>
                {
                    immediateThread = Environment.CurrentManagedThreadId;
                    immediate.Resolve();
                });
                scheduler.Schedule(TimeSpan.FromMilliseconds(5), () =>
                {
                    timerThread = Environment.CurrentManagedThreadId;
                    timer.Resolve();
                });
            });
            return Promise.All(immediate.Promise.Then(() => 0), timer.Promise.Then(() => 0));
        });

        Assert.Equal(loopThread, immediateThread);
        Assert.Equal(loopThread, timerThread);
    }

    [Fact]
    public void Schedule_WorkThrows_EndsTheLoopWithThatException()
    {
        var reason = new FormatException("thrown by Rx work");

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler.Current.Schedule(() => throw reason);
            return Promise.Delay(10);
        }));

        // Like an exception thrown in a node timer callback: nothing catches it.
        Assert.Same(reason, thrown);
    }

    [Fact]
    public void Schedule_AfterTheLoopEnded_StillRunsTheWorkOnTheThreadPool()
    {
        PromiseLoopScheduler scheduler = null!;
        PromiseLoop.Run(() =>
        {
            scheduler = PromiseLoopScheduler.Current;
            return Promise.Resolve();
        });
        using var immediate = new ManualResetEventSlim();
        using var timer = new ManualResetEventSlim();

        scheduler.Schedule(immediate.Set);
        scheduler.Schedule(TimeSpan.FromMilliseconds(1), timer.Set);

        Assert.True(immediate.Wait(TimeSpan.FromSeconds(30)));
        Assert.True(timer.Wait(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Throttle_OnTheLoop_DebouncesInputAndFeedsAPromise()
    {
        var clock = new FakeTimeProvider();
        string[] result = PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.FromCurrentLoop(clock);
            DateTimeOffset start = scheduler.Now;
            var keys = new Subject<string>();
            Promise<string[]> settled = keys
                .Throttle(TimeSpan.FromMilliseconds(300), scheduler)
                .Select(text => $"{text}@{(scheduler.Now - start).TotalMilliseconds}ms")
                .ToArray()
                .ToPromise();

            foreach (var (at, text) in new[] { (0, "p"), (100, "pr"), (200, "pro"), (800, "prom"), (1500, "") })
            {
                scheduler.Schedule(TimeSpan.FromMilliseconds(at), () =>
                {
                    if (text.Length == 0)
                    {
                        keys.OnCompleted();
                    }
                    else
                    {
                        keys.OnNext(text);
                    }
                });
            }

            AdvanceInSteps(clock, TimeSpan.FromMilliseconds(50), steps: 40);
            return settled;
        });

        Assert.Equal(["pro@500ms", "prom@1100ms"], result);
    }

    [Fact]
    public void Interval_OnTheLoop_AwaitedFromAnAsyncMethod_DoesNotBlockTheLoop()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        long last = PromiseLoop.Run(async () =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.FromCurrentLoop(clock);
            Promise<long> ticks = Observable.Interval(TimeSpan.FromSeconds(1), scheduler)
                .Do(tick => log.Add($"tick {tick}"))
                .Take(3)
                .ToPromise();
            PromiseLoop.SetImmediate(() => log.Add("the loop runs other tasks meanwhile"));
            AdvanceInSteps(clock, TimeSpan.FromSeconds(1), steps: 5);
            long value = await ticks;
            log.Add("awaited");
            return value;
        });

        Assert.Equal(2L, last);
        Assert.Equal(["the loop runs other tasks meanwhile", "tick 0", "tick 1", "tick 2", "awaited"], log);
    }

    // Advances the fake clock one step per loop task, so the loop handles what each step fired (and the timers that created)
    // before the next step.
    private static void AdvanceInSteps(FakeTimeProvider clock, TimeSpan step, int steps)
    {
        if (steps == 0)
        {
            return;
        }

        PromiseLoop.SetImmediate(() =>
        {
            clock.Advance(step);
            AdvanceInSteps(clock, step, steps - 1);
        });
    }
}
