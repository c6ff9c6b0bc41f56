using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests;

/// <summary>The round-trip law: <c>p.ToObservable().ToPromise()</c> settles as <c>p</c> does (the property test in
/// property-tests/ checks it over generated promises).</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void RoundTrip_FulfilledPromise_FulfillsWithTheSameValue()
    {
        Assert.Equal("v", Promise.Resolve("v").ToObservable().ToPromise().Value);
        Assert.Equal("v", Promise.Resolve("v").ToObservable().FirstToPromise().Value);
    }

    [Fact]
    public void RoundTrip_RejectedPromise_RejectsWithTheSameReason()
    {
        var reason = new FormatException();

        Assert.Same(reason, Rejections.ReasonOf(Promise.Reject<int>(reason).ToObservable().ToPromise()));
    }

    [Fact]
    public void RoundTrip_PendingPromises_SettleAsTheyDo()
    {
        var reason = new FormatException();
        Promise<int> fulfilled = null!;
        Promise<int> rejected = null!;
        Promise<int> fulfilledTrip = null!;
        Promise<int> rejectedTrip = null!;

        PromiseLoop.Run(() =>
        {
            fulfilled = Promise.Delay(1).Then(() => 5);
            rejected = Promise.Delay(2).Then<int>(() => throw reason);
            fulfilledTrip = fulfilled.ToObservable().ToPromise();
            rejectedTrip = rejected.ToObservable().ToPromise();
            return Promise.AllSettled(fulfilledTrip, rejectedTrip);
        });

        Assert.Equal(5, fulfilledTrip.Value);
        Assert.Same(reason, Rejections.ReasonOf(rejectedTrip));
    }

    [Fact]
    public void RoundTrip_ValueLessPromise_FulfillsWithUnit()
    {
        Promise promise = null!;
        Promise trip = null!;

        PromiseLoop.Run(() =>
        {
            promise = Promise.Delay(1);
            trip = promise.ToObservable().ToPromise();
            return trip;
        });

        Assert.Equal(PromiseState.Fulfilled, trip.State);
    }
}
