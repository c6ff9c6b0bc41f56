using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

public sealed class PromiseLoopSetTimeoutTests
{
    [Fact]
    public void SetTimeout_HandleDisposedBeforeItFires_NeverRunsAndRunDoesNotWaitForIt()
    {
        // A fake clock that nobody advances: if the cancelled timer stayed, Run would wait for it forever.
        var clock = new CountingFakeTimeProvider();
        bool ran = false;
        RunGuarded(() => PromiseLoop.Run(() =>
        {
            IDisposable timer = PromiseLoop.SetTimeout(() => ran = true, TimeSpan.FromSeconds(10), clock);
            timer.Dispose();
            return Promise.Resolve();
        }));

        Assert.False(ran);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void SetTimeout_HandleDisposedFromAnotherThread_TimerNeverRuns()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();
        RunGuarded(() => PromiseLoop.Run(() =>
        {
            IDisposable timer = PromiseLoop.SetTimeout(() => log.Add("timer"), TimeSpan.FromSeconds(1), clock);

            // A dedicated thread (not the thread pool, which other tests may keep busy): disposing only posts to the loop.
            var disposer = new Thread(timer.Dispose);
            disposer.Start();
            disposer.Join();
            Promise later = Promise.Delay(TimeSpan.FromSeconds(3), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(3)));
            return later.Then(() => log.Add("done"));
        }));

        Assert.Equal(["done"], log);
    }

    // Runs a loop on its own thread, so a loop that never ends fails the test instead of hanging the run.
    private static void RunGuarded(Action run)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                run();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        Assert.True(thread.Join(TestTimeouts.Generous), "The loop did not end.");
        if (failure is not null)
        {
            throw new InvalidOperationException("The loop failed.", failure);
        }
    }

    [Fact]
    public void SetTimeout_HandleDisposedAfterItFired_DoesNothing()
    {
        var clock = new FakeTimeProvider();
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
