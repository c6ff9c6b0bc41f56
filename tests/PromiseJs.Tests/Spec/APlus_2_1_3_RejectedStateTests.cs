using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.1.3.1: When rejected, a promise must not transition to any other state (2.1.3.js).</summary>
public sealed class APlus_2_1_3_RejectedStateTests
{
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_1_3_1_Rejected_OnFulfilledNeverCalled(Mode mode, Settling settling)
    {
        var fulfilled = 0;
        var rejected = 0;

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, ReasonException.Dummy(), promise =>
            {
                promise.Then(_ => { fulfilled++; }, _ => { rejected++; });
                s.SetTimeout(s.Done, Delays.Window);
            });
        });

        Assert.Equal(0, fulfilled);
        Assert.Equal(1, rejected);
    }

    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_1_3_1_RejectThenImmediatelyFulfill_StaysRejected(Mode mode)
    {
        AssertStaysRejected(mode, (s, deferred, reason) =>
        {
            deferred.Reject(reason);
            deferred.Resolve(Values.Dummy);
            s.SetTimeout(s.Done, Delays.Window);
        });
    }

    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_1_3_1_RejectThenFulfill_Delayed_StaysRejected(Mode mode)
    {
        AssertStaysRejected(mode, (s, deferred, reason) =>
        {
            s.SetTimeout(
                () =>
                {
                    deferred.Reject(reason);
                    deferred.Resolve(Values.Dummy);
                },
                Delays.Step);
            s.SetTimeout(s.Done, 2 * Delays.Step);
        });
    }

    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_1_3_1_RejectImmediatelyThenFulfillDelayed_StaysRejected(Mode mode)
    {
        AssertStaysRejected(mode, (s, deferred, reason) =>
        {
            deferred.Reject(reason);
            s.SetTimeout(() => deferred.Resolve(Values.Dummy), Delays.Step);
            s.SetTimeout(s.Done, 2 * Delays.Step);
        });
    }

    // Attaches both handlers to a pending promise, lets `settle` reject it with `reason`, try to fulfill it and end the
    // scenario, then checks that only onRejected ran and the promise is still rejected with `reason`.
    private static void AssertStaysRejected(Mode mode, Action<Scenario, PromiseWithResolvers<object?>, Exception> settle)
    {
        var fulfilled = 0;
        var rejected = 0;
        var reason = ReasonException.Dummy();
        PromiseWithResolvers<object?>? deferred = null;

        Scenarios.RunRejecting(mode, s =>
        {
            deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(_ => { fulfilled++; }, _ => { rejected++; });

            settle(s, deferred, reason);
        });

        Assert.Equal(0, fulfilled);
        Assert.Equal(1, rejected);
        AssertStillRejectedWith(reason, deferred!.Promise);
    }

    private static void AssertStillRejectedWith(Exception reason, Promise<object?> promise)
    {
        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(reason, promise.Reason);
        Assert.Throws<InvalidOperationException>(() => promise.Value);
    }
}
