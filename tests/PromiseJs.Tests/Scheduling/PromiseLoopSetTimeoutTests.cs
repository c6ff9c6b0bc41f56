using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

public sealed class PromiseLoopSetTimeoutTests
{
    [Fact]
    public void SetTimeout_HandleDisposedBeforeItFires_NeverRunsAndRunDoesNotWaitForIt()
    {
        // A fake clock that nobody advances: if the cancelled timer stayed, Run would wait for it forever.
        var clock = new ManualTimeProvider();
        bool ran = false;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                PromiseLoop.Run(() =>
                {
                    IDisposable timer = PromiseLoop.SetTimeout(() => ran = true, TimeSpan.FromSeconds(10), clock);
                    timer.Dispose();
                    return Promise.Resolve();
                });
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();

        Assert.True(thread.Join(TestTimeouts.Generous), "PromiseLoop.Run kept waiting for a cancelled timer.");
        Assert.Null(failure);
        Assert.False(ran);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void SetTimeout_HandleDisposedFromAnotherThread_TimerNeverRuns()
    {
        var clock = new ManualTimeProvider();
        var log = new List<string>();
        PromiseLoop.Run(async () =>
        {
            IDisposable timer = PromiseLoop.SetTimeout(() => log.Add("timer"), TimeSpan.FromSeconds(1), clock);
            await Task.Run(timer.Dispose);
            Promise later = Promise.Delay(TimeSpan.FromSeconds(3), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(3)));
            await later;
            log.Add("done");
        });

        Assert.Equal(["done"], log);
    }

    [Fact]
    public void SetTimeout_HandleDisposedAfterItFired_DoesNothing()
    {
        var clock = new ManualTimeProvider();
        int runs = 0;
        PromiseLoop.Run(() =>
        {
            IDisposable timer = PromiseLoop.SetTimeout(() => runs++, TimeSpan.FromSeconds(1), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(1)));
            return Promise.Delay(TimeSpan.FromSeconds(1), clock).Then(timer.Dispose);
        });

        Assert.Equal(1, runs);
    }

    [Fact]
    public void SetTimeout_NegativeMilliseconds_ThrowsArgumentOutOfRangeException() =>
        PromiseLoop.Run(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>("milliseconds", () => PromiseLoop.SetTimeout(() => { }, -1));
            return Promise.Resolve();
        });
}
