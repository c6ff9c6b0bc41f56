using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="PromiseExtensions.Timeout{T}(Promise{T}, TimeSpan, TimeProvider, CancellationToken)"/> and its overloads.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public void Timeout_SettlesInTime_SettlesAsTheSourceAndStopsTheTimer()
    {
        var clock = new CountingFakeTimeProvider();

        int value = PromiseLoop.Run(() =>
        {
            var source = Promise.WithResolvers<int>();
            var timed = source.Promise.Timeout(TimeSpan.FromSeconds(10), clock);
            PromiseLoop.SetImmediate(() =>
            {
                clock.Advance(TimeSpan.FromSeconds(9));
                source.Resolve(5);
            });
            return timed;
        });

        Assert.Equal(5, value);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Timeout_SourceRejectsInTime_RejectsWithItsReason()
    {
        var reason = new FormatException();
        var clock = new FakeTimeProvider();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.Reject<int>(reason).Timeout(TimeSpan.FromSeconds(1), clock)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Timeout_TimeIsUp_RejectsWithTimeoutExceptionAndLetsGoOfTheSource()
    {
        var clock = new FakeTimeProvider();
        var source = Promise.WithResolvers<int>();

        var caught = Assert.Throws<TimeoutException>(() => PromiseLoop.Run(() =>
        {
            var timed = source.Promise.Timeout(TimeSpan.FromSeconds(10), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(10)));
            return timed;
        }));

        Assert.Contains("00:00:10", caught.Message, StringComparison.Ordinal);
        Assert.Equal(0, Reactions.CountOn(source.Promise));
    }

    [Fact]
    public void Timeout_SourceRejectsAfterTheTimeout_IsNotReportedAsUnhandled()
    {
        var clock = new FakeTimeProvider();

        Assert.Throws<TimeoutException>(() => PromiseLoop.Run(() =>
        {
            var source = Promise.WithResolvers<int>();
            var timed = source.Promise.Timeout(TimeSpan.FromSeconds(1), clock);
            PromiseLoop.SetImmediate(() =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                PromiseLoop.SetImmediate(() => source.Reject(new FormatException("too late")));
            });
            return timed;
        }));
    }

    [Fact]
    public void Timeout_WithFallback_FulfillsWithTheFallbackWhenTimeIsUp()
    {
        var clock = new FakeTimeProvider();

        string value = PromiseLoop.Run(() =>
        {
            var timed = Promise.WithResolvers<string>().Promise.Timeout(TimeSpan.FromSeconds(1), "cached", clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(1)));
            return timed;
        });

        Assert.Equal("cached", value);
    }

    [Fact]
    public void Timeout_WithNullFallback_NamedArgumentBinds()
    {
        var clock = new FakeTimeProvider();

        string? value = PromiseLoop.Run(() =>
        {
            var timed = Promise.WithResolvers<string?>().Promise.Timeout(TimeSpan.FromSeconds(1), fallback: null, clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(1)));
            return timed;
        });

        Assert.Null(value);
    }

    [Fact]
    public void Timeout_ValueLessPromise_RejectsWithTimeoutException()
    {
        var clock = new FakeTimeProvider();
        Promise source = Promise.WithResolvers().Promise;

        Promise timed = source.Timeout(TimeSpan.FromSeconds(1), clock);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.IsType<TimeoutException>(timed.Reason);
        timed.Catch(_ => { });
    }

    [Fact]
    public void Timeout_StaticTypes_FollowTheSource()
    {
        var clock = new FakeTimeProvider();
        var typed = Promise.Resolve(1);

        Assert.Equal(typeof(Promise<int>), StaticType.Of(typed.Timeout(TimeSpan.FromSeconds(1))));
        Assert.Equal(typeof(Promise<int>), StaticType.Of(typed.Timeout(TimeSpan.FromSeconds(1), clock)));
        Assert.Equal(typeof(Promise<int>), StaticType.Of(typed.Timeout(TimeSpan.FromSeconds(1), 0)));
        Assert.Equal(typeof(Promise), StaticType.Of(Promise.Resolve().Timeout(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Timeout_Cancelled_RejectsWithOperationCanceledAndStopsTheTimer()
    {
        var clock = new CountingFakeTimeProvider();
        using var cancellation = new CancellationTokenSource();

        var caught = Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            var timed = Promise.WithResolvers<int>().Promise.Timeout(TimeSpan.FromSeconds(10), clock, cancellation.Token);
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return timed;
        }));

        Assert.Equal(cancellation.Token, caught.CancellationToken);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Timeout_Infinite_NeverTimesOut()
    {
        // The combinator's jobs go to the shared thread-pool queue, not to the xunit worker this test blocks.
        using var noContext = SynchronizationContextScope.None();

        var source = Promise.WithResolvers<int>();

        var timed = source.Promise.Timeout(System.Threading.Timeout.InfiniteTimeSpan);
        source.Resolve(3);

        Assert.Equal(3, timed.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void Timeout_OutsideLoop_TimerOnTheClockRejects()
    {
        // The combinator's jobs go to the shared thread-pool queue, not to the xunit worker this test blocks.
        using var noContext = SynchronizationContextScope.None();

        var clock = new CountingFakeTimeProvider();
        var timed = Promise.WithResolvers<int>().Promise.Timeout(TimeSpan.FromMilliseconds(5), clock);

        clock.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Throws<TimeoutException>(() => timed.Wait(TestTimeouts.Generous));
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Timeout_InvalidArguments_Throw()
    {
        var p = Promise.Resolve(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => p.Timeout(TimeSpan.FromMilliseconds(-2)));
        Assert.Throws<ArgumentNullException>(() => p.Timeout(TimeSpan.Zero, (TimeProvider)null!));
        Assert.Throws<ArgumentNullException>(() => ((Promise<int>)null!).Timeout(TimeSpan.Zero));
    }
}
