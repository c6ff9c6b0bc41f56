using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.2.3: If <c>onRejected</c> is a function (2.2.3.js).</summary>
/// <remarks>The suite's <c>promise.then(null, onRejected)</c> is the two-handler <c>Then</c> with an <c>onFulfilled</c> that must not run.</remarks>
public sealed class APlus_2_2_3_OnRejectedTests
{
    // 2.2.3.1: it must be called after promise is rejected, with promise's rejection reason as its first argument.
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_3_1_OnRejected_CalledWithRejectionReason(Mode mode, Settling settling)
    {
        var reasons = new List<Exception>();
        var sentinel = ReasonException.Sentinel();

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, sentinel, promise =>
            {
                promise.Then(NotCalled(s), reason =>
                {
                    reasons.Add(reason);
                    s.Done();
                });
            });
        });

        Assert.Same(sentinel, Assert.Single(reasons));
    }

    // 2.2.3.2: it must not be called before promise is rejected; "rejected after a delay".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_2_RejectedAfterADelay_OnRejectedCalledOnlyAfterwards(Mode mode)
    {
        var isRejectedSeenByHandler = new List<bool>();

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            var isRejected = false;

            deferred.Promise.Then(NotCalled(s), _ =>
            {
                isRejectedSeenByHandler.Add(isRejected);
                s.Done();
            });

            s.SetTimeout(
                () =>
                {
                    deferred.Reject(ReasonException.Dummy());
                    isRejected = true;
                },
                Delays.Eventually);
        });

        Assert.True(Assert.Single(isRejectedSeenByHandler));
    }

    // 2.2.3.2, "never rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_2_NeverRejected_OnRejectedNeverCalled(Mode mode)
    {
        var onRejectedCalls = 0;

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(NotCalled(s), _ => { onRejectedCalls++; });
            s.SetTimeout(s.Done, Delays.Window);
        });

        Assert.Equal(0, onRejectedCalls);
    }

    // 2.2.3.3: it must not be called more than once; "already-rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_3_AlreadyRejected_OnRejectedCalledOnce(Mode mode)
    {
        var timesCalled = 0;

        Scenarios.RunRejecting(mode, s =>
        {
            Adapter.Rejected<object?>(ReasonException.Dummy()).Then(NotCalled(s), _ =>
            {
                timesCalled++;
                s.Done();
            });
        });

        Assert.Equal(1, timesCalled);
    }

    // 2.2.3.3, "trying to reject a pending promise more than once, immediately".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_3_RejectTwiceImmediately_OnRejectedCalledOnce(Mode mode)
    {
        AssertOnRejectedCalledOnce(mode, (_, deferred) =>
        {
            deferred.Reject(ReasonException.Dummy());
            deferred.Reject(ReasonException.Dummy());
        });
    }

    // 2.2.3.3, "trying to reject a pending promise more than once, delayed".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_3_RejectTwiceDelayed_OnRejectedCalledOnce(Mode mode)
    {
        AssertOnRejectedCalledOnce(mode, (s, deferred) => s.SetTimeout(
            () =>
            {
                deferred.Reject(ReasonException.Dummy());
                deferred.Reject(ReasonException.Dummy());
            },
            Delays.Eventually));
    }

    // 2.2.3.3, "trying to reject a pending promise more than once, immediately then delayed".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_3_RejectImmediatelyThenDelayed_OnRejectedCalledOnce(Mode mode)
    {
        AssertOnRejectedCalledOnce(mode, (s, deferred) =>
        {
            deferred.Reject(ReasonException.Dummy());
            s.SetTimeout(() => deferred.Reject(ReasonException.Dummy()), Delays.Eventually);
        });
    }

    // 2.2.3.3, "when multiple `then` calls are made, spaced apart in time".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_3_ThenCallsSpacedApartInTime_EachOnRejectedCalledOnce(Mode mode)
    {
        var timesCalled = new int[3];

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();

            deferred.Promise.Then(NotCalled(s), _ => { timesCalled[0]++; });
            s.SetTimeout(() => deferred.Promise.Then(NotCalled(s), _ => { timesCalled[1]++; }), Delays.Step);
            s.SetTimeout(
                () => deferred.Promise.Then(NotCalled(s), _ =>
                {
                    timesCalled[2]++;
                    s.Done();
                }),
                2 * Delays.Step);
            s.SetTimeout(() => deferred.Reject(ReasonException.Dummy()), 3 * Delays.Step);
        });

        Assert.Equal([1, 1, 1], timesCalled);
    }

    // 2.2.3.3, "when `then` is interleaved with rejection".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_3_3_ThenInterleavedWithRejection_EachOnRejectedCalledOnce(Mode mode)
    {
        var timesCalled = new int[2];

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();

            deferred.Promise.Then(NotCalled(s), _ => { timesCalled[0]++; });
            deferred.Reject(ReasonException.Dummy());
            deferred.Promise.Then(NotCalled(s), _ =>
            {
                timesCalled[1]++;
                s.Done();
            });
        });

        Assert.Equal([1, 1], timesCalled);
    }

    // The onFulfilled of the suite's `then(null, onRejected)`: these promises never fulfill.
    private static Action<object?> NotCalled(Scenario s) => _ => s.Fail("onFulfilled must not be called");
    // Attaches onRejected to a pending promise, lets `reject` try to reject it more than once, and checks that
    // onRejected ran exactly once.
    private static void AssertOnRejectedCalledOnce(Mode mode, Action<Scenario, PromiseWithResolvers<object?>> reject)
    {
        var timesCalled = 0;

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(NotCalled(s), _ =>
            {
                timesCalled++;
                s.Done();
            });

            reject(s, deferred);
        });

        Assert.Equal(1, timesCalled);
    }
}
