using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary><see cref="Promise.Delay(TimeSpan)"/> and its overloads, inside and outside the loop, on the real and on a fake clock.</summary>
public sealed class PromiseDelayTests
{
    [Fact]
    public void Delay_OutsideLoop_Fulfills()
    {
        Promise.Delay(1).Wait(TestTimeouts.Generous);
        Promise.Delay(TimeSpan.FromMilliseconds(1)).Wait(TestTimeouts.Generous);
        Promise.Delay(0).Wait(TestTimeouts.Generous);
    }

    [Fact]
    public void Delay_OutsideLoopFakeClock_FulfillsExactlyWhenTheClockReachesTheDelay()
    {
        var clock = new CountingFakeTimeProvider();

        var delay = Promise.Delay(TimeSpan.FromSeconds(10), clock);
        Assert.Equal(PromiseState.Pending, delay.State);
        clock.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Equal(PromiseState.Pending, delay.State);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(PromiseState.Fulfilled, delay.State);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Delay_OutsideLoopFakeClockNeverAdvanced_StaysPending()
    {
        var clock = new FakeTimeProvider();

        var delay = Promise.Delay(TimeSpan.FromMilliseconds(1), clock);

        Assert.Throws<TimeoutException>(() => delay.Wait(TestTimeouts.Short));
        Assert.Equal(PromiseState.Pending, delay.State);
    }

    [Fact]
    public void Delay_InsideLoopFakeClock_FiresWhenTheClockIsAdvancedFromInsideTheLoop()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var delay = Promise.Delay(TimeSpan.FromSeconds(10), clock);
            delay.Then(() => log.Add("fired"));
            PromiseLoop.SetImmediate(() =>
            {
                log.Add("advance 9s");
                clock.Advance(TimeSpan.FromSeconds(9));
                PromiseLoop.SetImmediate(() =>
                {
                    log.Add($"state {delay.State}");
                    log.Add("advance 1s");
                    clock.Advance(TimeSpan.FromSeconds(1));
                });
            });
            return delay;
        });

        Assert.Equal(["advance 9s", "state Pending", "advance 1s", "fired"], log);
    }

    [Fact]
    public void Delay_InsideLoop_FiresOnTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;

        int handlerThread = PromiseLoop.Run(() => Promise.Delay(1).Then(() => Environment.CurrentManagedThreadId));

        Assert.Equal(loopThread, handlerThread);
    }

    [Fact]
    public void Delay_InsideLoopFakeClockEqualDelays_FireInCreationOrder()
    {
        // The fake clock fires timers with equal due times in reverse creation order, as a racing real clock may.
        var clock = new CountingFakeTimeProvider(reverseTies: true);
        var order = new List<int>();

        PromiseLoop.Run(() =>
        {
            var delays = new List<Promise>();
            for (int i = 0; i < 10; i++)
            {
                int index = i;
                delays.Add(Promise.Delay(TimeSpan.FromSeconds(5), clock).Then(() => order.Add(index)));
            }

            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(5)));
            return Promise.All(delays.Select(d => d.Then(() => 0)));
        });

        Assert.Equal(Enumerable.Range(0, 10), order);
    }

    [Fact]
    public void Delay_NegativeDelay_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Delay(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Delay(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Delay(TimeSpan.FromTicks(-1), new FakeTimeProvider()));
    }

    [Fact]
    public void Delay_NegativeDelayInsideLoop_ThrowsArgumentOutOfRangeException()
    {
        Exception? caught = null;

        PromiseLoop.Run(() =>
        {
            caught = Record.Exception(() => Promise.Delay(-5));
            return Promise.Resolve();
        });

        Assert.IsType<ArgumentOutOfRangeException>(caught);
    }

    [Fact]
    public void Delay_NullTimeProvider_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.Delay(TimeSpan.Zero, null!));
    }

    // ----- cancellation -----

    [Fact]
    public void Delay_CancelledOutsideLoop_RejectsWithOperationCanceledAndDisposesTheTimer()
    {
        var clock = new CountingFakeTimeProvider();
        using var cancellation = new CancellationTokenSource();

        var delay = Promise.Delay(TimeSpan.FromSeconds(10), clock, cancellation.Token);
        Assert.Equal(1, clock.ActiveTimerCount);
        cancellation.Cancel();

        var reason = Assert.IsAssignableFrom<OperationCanceledException>(delay.Reason);
        Assert.Equal(cancellation.Token, reason.CancellationToken);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public async Task Delay_CancelledInsideLoop_RemovesTheLoopTimerSoTheLoopEnds()
    {
        var clock = new CountingFakeTimeProvider();
        using var cancellation = new CancellationTokenSource();
        var log = new List<string>();

        // The clock never moves: had the loop timer stayed, Run would wait for it forever.
        var run = Task.Run(() => PromiseLoop.Run(() =>
        {
            var delay = Promise.Delay(TimeSpan.FromHours(1), clock, cancellation.Token)
                .Then(() => log.Add("fired"), e => log.Add(e.GetType().Name));
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return Promise.Resolve();
        }));

        // A TimeoutException here means the loop kept waiting for a cancelled delay.
        await run.WaitAsync(TestTimeouts.Generous);
        Assert.Equal([nameof(OperationCanceledException)], log);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public async Task Delay_CancelledFromAnotherThreadInsideLoop_RemovesTheLoopTimerSoTheLoopEnds()
    {
        var clock = new CountingFakeTimeProvider();
        using var cancellation = new CancellationTokenSource();

        var run = Task.Run(() => PromiseLoop.Run(() =>
        {
            var delay = Promise.Delay(TimeSpan.FromHours(1), clock, cancellation.Token);
            _ = Task.Run(cancellation.Cancel);
            return delay.Catch(_ => { });
        }));

        // A TimeoutException here means the loop kept waiting for a cancelled delay.
        await run.WaitAsync(TestTimeouts.Generous);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Delay_NotCancelled_FulfillsAndUnregistersFromTheToken()
    {
        var clock = new FakeTimeProvider();
        using var cancellation = new CancellationTokenSource();

        var delay = Promise.Delay(TimeSpan.FromSeconds(1), clock, cancellation.Token);
        clock.Advance(TimeSpan.FromSeconds(1));
        cancellation.Cancel();

        Assert.Equal(PromiseState.Fulfilled, delay.State);
    }

    [Fact]
    public void Delay_AlreadyCancelled_RejectsAtOnceWithoutATimer()
    {
        var clock = new CountingFakeTimeProvider();

        var delay = Promise.Delay(TimeSpan.FromSeconds(1), clock, new CancellationToken(canceled: true));

        Assert.IsAssignableFrom<OperationCanceledException>(delay.Reason);
        Assert.Equal(0, clock.ActiveTimerCount);
        delay.Catch(_ => { });
    }

    [Fact]
    public void Delay_WithTokenAndNoClock_UsesTheSystemClock()
    {
        using var cancellation = new CancellationTokenSource();

        Promise.Delay(TimeSpan.FromMilliseconds(1), cancellation.Token).Wait(TestTimeouts.Generous);
        Promise.Delay(TimeSpan.FromMilliseconds(1), null, cancellation.Token).Wait(TestTimeouts.Generous);
    }
}
