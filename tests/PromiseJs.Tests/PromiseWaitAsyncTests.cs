using Microsoft.Extensions.Time.Testing;

namespace PromiseJs.Tests;

/// <summary><see cref="Promise.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/> and its overloads: Task's names for
/// "stop waiting after a timeout or on cancellation".</summary>
public sealed class PromiseWaitAsyncTests
{
    [Fact]
    public void WaitAsync_SourceFulfillsBeforeTheTimeout_FulfillsWithItsValue()
    {
        var clock = new FakeTimeProvider();

        int value = PromiseLoop.Run(() =>
        {
            var source = Promise.WithResolvers<int>();
            Promise<int> waited = source.Promise.WaitAsync(TimeSpan.FromSeconds(10), clock);
            PromiseLoop.SetImmediate(() =>
            {
                clock.Advance(TimeSpan.FromSeconds(9));
                source.Resolve(7);
            });
            return waited;
        });

        Assert.Equal(7, value);
    }

    [Fact]
    public void WaitAsync_TimeoutPassesFirst_RejectsWithTimeoutException()
    {
        var clock = new FakeTimeProvider();
        var source = Promise.WithResolvers<int>();

        Assert.Throws<TimeoutException>(() => PromiseLoop.Run(() =>
        {
            Promise<int> waited = source.Promise.WaitAsync(TimeSpan.FromSeconds(10), clock, CancellationToken.None);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(10)));
            return waited;
        }));
        Assert.Equal(PromiseState.Pending, source.Promise.State);
    }

    [Fact]
    public void WaitAsync_TokenCancelledFirst_RejectsWithOperationCanceledExceptionOfThatToken()
    {
        using var cancellation = new CancellationTokenSource();

        var caught = Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            Promise<string> waited = Promise.WithResolvers<string>().Promise.WaitAsync(cancellation.Token);
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return waited;
        }));

        Assert.Equal(cancellation.Token, caught.CancellationToken);
    }

    [Fact]
    public void WaitAsync_ValueLessSourceRejects_RejectsWithItsReason()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.Reject(reason).WaitAsync(TimeSpan.FromSeconds(1))));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void WaitAsync_ValueLessTimeoutWithToken_RejectsWithTimeoutException()
    {
        var clock = new FakeTimeProvider();

        Assert.Throws<TimeoutException>(() => PromiseLoop.Run(() =>
        {
            Promise waited = Promise.WithResolvers().Promise.WaitAsync(TimeSpan.FromSeconds(1), clock, CancellationToken.None);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(1)));
            return waited;
        }));
    }

    [Fact]
    public void WaitAsync_InfiniteTimeoutAndNoToken_SettlesAsTheSource()
    {
        Assert.Equal("done", PromiseLoop.Run(() =>
            Promise.Resolve("done").WaitAsync(Timeout.InfiniteTimeSpan, CancellationToken.None)));
        PromiseLoop.Run(() => Promise.Resolve().WaitAsync(CancellationToken.None));
    }

    [Fact]
    public void WaitAsync_BadArguments_ThrowAtTheCall()
    {
        var promise = Promise.Resolve(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => promise.WaitAsync(TimeSpan.FromSeconds(-2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Promise)promise).WaitAsync(TimeSpan.FromSeconds(-2)));
        Assert.Throws<ArgumentNullException>(() => promise.WaitAsync(TimeSpan.FromSeconds(1), (TimeProvider)null!));
        Assert.Throws<ArgumentNullException>(() => ((Promise)promise).WaitAsync(TimeSpan.FromSeconds(1), (TimeProvider)null!));
    }
}
