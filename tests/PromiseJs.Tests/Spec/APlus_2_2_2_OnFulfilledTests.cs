using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.2.2: If <c>onFulfilled</c> is a function (2.2.2.js).</summary>
public sealed class APlus_2_2_2_OnFulfilledTests
{
    // 2.2.2.1: it must be called after promise is fulfilled, with promise's fulfillment value as its first argument.
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_2_1_OnFulfilled_CalledWithFulfillmentValue(Mode mode, Settling settling)
    {
        var values = new List<object?>();

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Sentinel, promise =>
            {
                promise.Then(value =>
                {
                    values.Add(value);
                    s.Done();
                });
            });
        });

        Assert.Same(Values.Sentinel, Assert.Single(values));
    }

    // 2.2.2.2: it must not be called before promise is fulfilled; "fulfilled after a delay".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_2_FulfilledAfterADelay_OnFulfilledCalledOnlyAfterwards(Mode mode)
    {
        var isFulfilledSeenByHandler = new List<bool>();

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            var isFulfilled = false;

            deferred.Promise.Then(_ =>
            {
                isFulfilledSeenByHandler.Add(isFulfilled);
                s.Done();
            });

            s.SetTimeout(
                () =>
                {
                    deferred.Resolve(Values.Dummy);
                    isFulfilled = true;
                },
                Delays.Eventually);
        });

        Assert.True(Assert.Single(isFulfilledSeenByHandler));
    }

    // 2.2.2.2, "never fulfilled".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_2_NeverFulfilled_OnFulfilledNeverCalled(Mode mode)
    {
        var onFulfilledCalls = 0;

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(_ => { onFulfilledCalls++; });
            s.SetTimeout(s.Done, Delays.Window);
        });

        Assert.Equal(0, onFulfilledCalls);
    }

    // 2.2.2.3: it must not be called more than once; "already-fulfilled".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_3_AlreadyFulfilled_OnFulfilledCalledOnce(Mode mode)
    {
        var timesCalled = 0;

        Scenarios.Run(mode, s =>
        {
            Adapter.Resolved<object?>(Values.Dummy).Then(_ =>
            {
                timesCalled++;
                s.Done();
            });
        });

        Assert.Equal(1, timesCalled);
    }

    // 2.2.2.3, "trying to fulfill a pending promise more than once, immediately".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_3_FulfillTwiceImmediately_OnFulfilledCalledOnce(Mode mode)
    {
        AssertOnFulfilledCalledOnce(mode, (_, deferred) =>
        {
            deferred.Resolve(Values.Dummy);
            deferred.Resolve(Values.Dummy);
        });
    }

    // 2.2.2.3, "trying to fulfill a pending promise more than once, delayed".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_3_FulfillTwiceDelayed_OnFulfilledCalledOnce(Mode mode)
    {
        AssertOnFulfilledCalledOnce(mode, (s, deferred) => s.SetTimeout(
            () =>
            {
                deferred.Resolve(Values.Dummy);
                deferred.Resolve(Values.Dummy);
            },
            Delays.Eventually));
    }

    // 2.2.2.3, "trying to fulfill a pending promise more than once, immediately then delayed".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_3_FulfillImmediatelyThenDelayed_OnFulfilledCalledOnce(Mode mode)
    {
        AssertOnFulfilledCalledOnce(mode, (s, deferred) =>
        {
            deferred.Resolve(Values.Dummy);
            s.SetTimeout(() => deferred.Resolve(Values.Dummy), Delays.Eventually);
        });
    }

    // 2.2.2.3, "when multiple `then` calls are made, spaced apart in time".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_3_ThenCallsSpacedApartInTime_EachOnFulfilledCalledOnce(Mode mode)
    {
        var timesCalled = new int[3];

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();

            deferred.Promise.Then(_ => { timesCalled[0]++; });
            s.SetTimeout(() => deferred.Promise.Then(_ => { timesCalled[1]++; }), Delays.Step);
            s.SetTimeout(
                () => deferred.Promise.Then(_ =>
                {
                    timesCalled[2]++;
                    s.Done();
                }),
                2 * Delays.Step);
            s.SetTimeout(() => deferred.Resolve(Values.Dummy), 3 * Delays.Step);
        });

        Assert.Equal([1, 1, 1], timesCalled);
    }

    // 2.2.2.3, "when `then` is interleaved with fulfillment".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_2_3_ThenInterleavedWithFulfillment_EachOnFulfilledCalledOnce(Mode mode)
    {
        var timesCalled = new int[2];

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();

            deferred.Promise.Then(_ => { timesCalled[0]++; });
            deferred.Resolve(Values.Dummy);
            deferred.Promise.Then(_ =>
            {
                timesCalled[1]++;
                s.Done();
            });
        });

        Assert.Equal([1, 1], timesCalled);
    }
    // Attaches onFulfilled to a pending promise, lets `fulfill` try to fulfill it more than once, and checks that
    // onFulfilled ran exactly once.
    private static void AssertOnFulfilledCalledOnce(Mode mode, Action<Scenario, PromiseWithResolvers<object?>> fulfill)
    {
        var timesCalled = 0;

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(_ =>
            {
                timesCalled++;
                s.Done();
            });

            fulfill(s, deferred);
        });

        Assert.Equal(1, timesCalled);
    }
}
