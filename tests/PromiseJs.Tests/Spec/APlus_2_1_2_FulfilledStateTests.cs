using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.1.2.1: When fulfilled, a promise must not transition to any other state (2.1.2.js).</summary>
public sealed class APlus_2_1_2_FulfilledStateTests
{
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_1_2_1_Fulfilled_OnRejectedNeverCalled(Mode mode, Settling settling)
    {
        var fulfilled = 0;
        var rejected = 0;

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled(settling, Values.Dummy, promise =>
            {
                promise.Then(_ => { fulfilled++; }, _ => { rejected++; });
                s.SetTimeout(s.Done, Delays.Window);
            });
        });

        Assert.Equal(0, rejected);
        Assert.Equal(1, fulfilled);
    }

    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_1_2_1_FulfillThenImmediatelyReject_StaysFulfilled(Mode mode)
    {
        AssertStaysFulfilled(mode, (s, deferred) =>
        {
            deferred.Resolve(Values.Dummy);
            deferred.Reject(ReasonException.Dummy());
            s.SetTimeout(s.Done, Delays.Window);
        });
    }

    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_1_2_1_FulfillThenReject_Delayed_StaysFulfilled(Mode mode)
    {
        AssertStaysFulfilled(mode, (s, deferred) =>
        {
            s.SetTimeout(
                () =>
                {
                    deferred.Resolve(Values.Dummy);
                    deferred.Reject(ReasonException.Dummy());
                },
                Delays.Step);
            s.SetTimeout(s.Done, 2 * Delays.Step);
        });
    }

    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_1_2_1_FulfillImmediatelyThenRejectDelayed_StaysFulfilled(Mode mode)
    {
        AssertStaysFulfilled(mode, (s, deferred) =>
        {
            deferred.Resolve(Values.Dummy);
            s.SetTimeout(() => deferred.Reject(ReasonException.Dummy()), Delays.Step);
            s.SetTimeout(s.Done, 2 * Delays.Step);
        });
    }

    // Attaches both handlers to a pending promise, lets `settle` fulfill it, try to reject it and end the scenario,
    // then checks that only onFulfilled ran and the promise is still fulfilled.
    private static void AssertStaysFulfilled(Mode mode, Action<Scenario, PromiseWithResolvers<object?>> settle)
    {
        var fulfilled = 0;
        var rejected = 0;
        PromiseWithResolvers<object?>? deferred = null;

        Scenarios.RunRejecting(mode, s =>
        {
            deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(_ => { fulfilled++; }, _ => { rejected++; });

            settle(s, deferred);
        });

        Assert.Equal(0, rejected);
        Assert.Equal(1, fulfilled);
        AssertStillFulfilledWithDummy(deferred!.Promise);
    }

    private static void AssertStillFulfilledWithDummy(Promise<object?> promise)
    {
        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Same(Values.Dummy, promise.Value);
        Assert.Null(promise.Reason);
    }
}
