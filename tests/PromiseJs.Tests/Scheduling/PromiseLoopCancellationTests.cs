using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

/// <summary><see cref="PromiseLoop.Run(Func{Promise}, CancellationToken)"/> and its overloads: a token that ends the loop early.</summary>
public sealed class PromiseLoopCancellationTests
{
    [Fact]
    public void Run_TokenNeverCancelled_ReturnsTheValueAsWithoutAToken()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.Equal(3, PromiseLoop.Run(() => Promise.Resolve(1).Then(x => x + 2), cancellation.Token));
        Assert.Equal(4, PromiseLoop.Run(async () => await Promise.Resolve(4), cancellation.Token));
        PromiseLoop.Run(() => Promise.Resolve(), cancellation.Token);
        PromiseLoop.Run(async () => await Promise.Resolve(), cancellation.Token);
    }

    [Fact]
    public void Run_TokenCancelledBeforeTheStart_ThrowsWithoutRunningMain()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        bool ran = false;

        var caught = Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            ran = true;
            return Promise.Resolve();
        }, cancellation.Token));

        Assert.False(ran);
        Assert.Equal(cancellation.Token, caught.CancellationToken);
        Assert.False(PromiseLoop.IsRunning);
    }

    [Fact]
    public void Run_CancelledByALoopTaskWhileMainIsPending_ThrowsOperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();

        var caught = Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return Promise.WithResolvers<int>().Promise;
        }, cancellation.Token));

        Assert.Equal(cancellation.Token, caught.CancellationToken);
    }

    [Fact]
    public void Run_CancelledFromAnotherThreadWhileTheLoopWaits_WakesAndThrows()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => cancellation.Cancel(), null);
            return Promise.WithResolvers().Promise;
        }, cancellation.Token));
    }

    [Fact]
    public void Run_Cancelled_DropsTheTimersStillQueued()
    {
        using var cancellation = new CancellationTokenSource();
        var clock = new FakeTimeProvider();
        bool fired = false;

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => fired = true, TimeSpan.FromSeconds(5), clock);
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return Promise.Resolve();
        }, cancellation.Token));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False(fired);
    }

    [Fact]
    public void Run_CancelledByATask_RunsWhatCameBeforeAndHandsLaterTasksToTheThreadPool()
    {
        using var cancellation = new CancellationTokenSource();
        using var laterTaskRan = new ManualResetEventSlim();
        var log = new List<string>();
        int loopThread = 0;
        int laterTaskThread = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            loopThread = Environment.CurrentManagedThreadId;
            Promise.Resolve(0).Then(_ => log.Add("microtask"));
            PromiseLoop.SetImmediate(() =>
            {
                log.Add("task");
                cancellation.Cancel();
            });
            PromiseLoop.SetImmediate(() =>
            {
                laterTaskThread = Environment.CurrentManagedThreadId;
                laterTaskRan.Set();
            });
            return Promise.WithResolvers().Promise;
        }, cancellation.Token));

        Assert.Equal(["microtask", "task"], log);
        Assert.True(laterTaskRan.Wait(TestTimeouts.Generous), "A task queued on the cancelled loop was lost.");
        Assert.NotEqual(loopThread, laterTaskThread);
    }

    [Fact]
    public void Run_AfterACancelledRun_TheNextRunOnTheThreadWorks()
    {
        using var cancellation = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return Promise.WithResolvers().Promise;
        }, cancellation.Token));

        Assert.Equal("again", PromiseLoop.Run(() => Promise.Resolve("again").Then(x => x)));
    }
}
