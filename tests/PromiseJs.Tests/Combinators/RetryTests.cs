using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Retry{T}(Func{Promise{T}}, int, Func{int, TimeSpan}, TimeProvider, CancellationToken)"/> and
/// its overload without backoff.</summary>
public sealed class RetryTests
{
    [Fact]
    public void Retry_FailsTwiceThenFulfills_FulfillsWithTheThirdAttempt()
    {
        int calls = 0;

        string value = PromiseLoop.Run(() => Promise.Retry(() =>
        {
            calls++;
            return calls < 3 ? Promise.Reject<string>(new FormatException($"attempt {calls}")) : Promise.Resolve($"attempt {calls}");
        }, attempts: 5));

        Assert.Equal("attempt 3", value);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Retry_EveryAttemptFails_RejectsWithTheLastReasonAfterTheLastAttempt()
    {
        int calls = 0;

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.Retry(() => Promise.Reject<int>(new FormatException($"attempt {++calls}")), attempts: 3)));

        Assert.Equal("attempt 3", caught.Message);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Retry_FactoryThrows_CountsAsAFailedAttempt()
    {
        int calls = 0;

        int value = PromiseLoop.Run(() => Promise.Retry(() => ++calls < 2 ? throw new FormatException() : Promise.Resolve(calls), 2));

        Assert.Equal(2, value);
    }

    [Fact]
    public void Retry_Backoff_WaitsOnTheClockBetweenAttempts()
    {
        var clock = new CountingFakeTimeProvider();
        var log = new List<string>();
        var backoffs = new List<int>();

        int value = PromiseLoop.Run(() =>
        {
            int calls = 0;
            var retry = Promise.Retry(
                () =>
                {
                    calls++;
                    log.Add($"attempt {calls}");
                    return calls < 3 ? Promise.Reject<int>(new FormatException()) : Promise.Resolve(calls);
                },
                attempts: 3,
                backoff: failed =>
                {
                    backoffs.Add(failed);
                    return TimeSpan.FromSeconds(failed * 10);
                },
                clock);

            PromiseLoop.SetTimeout(() =>
            {
                log.Add("advance 9s");
                clock.Advance(TimeSpan.FromSeconds(9));
                PromiseLoop.SetTimeout(() =>
                {
                    log.Add("advance 1s");
                    clock.Advance(TimeSpan.FromSeconds(1));
                    PromiseLoop.SetTimeout(() =>
                    {
                        log.Add("advance 20s");
                        clock.Advance(TimeSpan.FromSeconds(20));
                    }, 1);
                }, 1);
            }, 1);
            return retry;
        });

        Assert.Equal(3, value);
        Assert.Equal([1, 2], backoffs);
        Assert.Equal(["attempt 1", "advance 9s", "advance 1s", "attempt 2", "advance 20s", "attempt 3"], log);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Retry_CancelledDuringTheBackoff_RejectsAndStopsTheTimer()
    {
        var clock = new CountingFakeTimeProvider();
        using var cancellation = new CancellationTokenSource();
        int calls = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            var retry = Promise.Retry(
                () =>
                {
                    calls++;
                    return Promise.Reject<int>(new FormatException());
                },
                5,
                _ => TimeSpan.FromHours(1),
                clock,
                cancellation.Token);
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return retry;
        }));

        Assert.Equal(1, calls);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void Retry_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Retry(() => Promise.Resolve(1), 0));
        Assert.Throws<ArgumentNullException>(() => Promise.Retry((Func<Promise<int>?>)null!, 1));
    }
}
