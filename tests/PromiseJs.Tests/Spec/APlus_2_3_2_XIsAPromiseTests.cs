using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>
/// 2.3.2: If <c>x</c> is a promise, adopt its state (2.3.2.js). Here <c>x</c> is a <c>Promise&lt;T&gt;</c> of this library
/// returned from a handler; "via return from a rejected promise" uses <c>Catch</c>, C#'s <c>then(null, onRejected)</c>.
/// </summary>
public sealed class APlus_2_3_2_XIsAPromiseTests
{
    // 2.3.2.1: If x is pending, promise must remain pending until x is fulfilled or rejected.
    [Theory]
    [MemberData(nameof(Rows.ModesAndVias), MemberType = typeof(Rows))]
    public void _2_3_2_1_XPending_PromiseRemainsPending(Mode mode, Via via)
    {
        Observation<object?>? observation = null;
        Promise<object?>? promise = null;

        Scenarios.RunRejecting(mode, s =>
        {
            promise = ResolveVia(via, () => Adapter.Deferred<object?>().Promise);
            observation = s.Observe(promise, endsScenario: false);
            s.SetTimeout(s.Done, Delays.Window);
        });

        observation!.AssertNotSettled();
        Assert.Equal(PromiseState.Pending, promise!.State);
    }

    // 2.3.2.2: If/when x is fulfilled, fulfill promise with the same value; "`x` is already-fulfilled".
    [Theory]
    [MemberData(nameof(Rows.ModesAndVias), MemberType = typeof(Rows))]
    public void _2_3_2_2_XAlreadyFulfilled_FulfillsWithTheSameValue(Mode mode, Via via)
    {
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            observation = s.Observe(ResolveVia(via, () => Adapter.Resolved<object?>(Values.Sentinel)));
        });

        observation!.AssertFulfilledWith(Values.Sentinel);
    }

    // 2.3.2.2, "`x` is eventually-fulfilled".
    [Theory]
    [MemberData(nameof(Rows.ModesAndVias), MemberType = typeof(Rows))]
    public void _2_3_2_2_XEventuallyFulfilled_FulfillsWithTheSameValue(Mode mode, Via via)
    {
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            observation = s.Observe(ResolveVia(via, () =>
            {
                var deferred = Adapter.Deferred<object?>();
                s.SetTimeout(() => deferred.Resolve(Values.Sentinel), Delays.Eventually);
                return deferred.Promise;
            }));
        });

        observation!.AssertFulfilledWith(Values.Sentinel);
    }

    // 2.3.2.3: If/when x is rejected, reject promise with the same reason; "`x` is already-rejected".
    [Theory]
    [MemberData(nameof(Rows.ModesAndVias), MemberType = typeof(Rows))]
    public void _2_3_2_3_XAlreadyRejected_RejectsWithTheSameReason(Mode mode, Via via)
    {
        var sentinel = ReasonException.Sentinel();
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            observation = s.Observe(ResolveVia(via, () => Adapter.Rejected<object?>(sentinel)));
        });

        observation!.AssertRejectedWith(sentinel);
    }

    // 2.3.2.3, "`x` is eventually-rejected".
    [Theory]
    [MemberData(nameof(Rows.ModesAndVias), MemberType = typeof(Rows))]
    public void _2_3_2_3_XEventuallyRejected_RejectsWithTheSameReason(Mode mode, Via via)
    {
        var sentinel = ReasonException.Sentinel();
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            observation = s.Observe(ResolveVia(via, () =>
            {
                var deferred = Adapter.Deferred<object?>();
                s.SetTimeout(() => deferred.Reject(sentinel), Delays.Eventually);
                return deferred.Promise;
            }));
        });

        observation!.AssertRejectedWith(sentinel);
    }

    // The suite's testPromiseResolution: x comes back from a handler of an already settled promise.
    private static Promise<object?> ResolveVia(Via via, Func<Promise<object?>> xFactory) => via switch
    {
        Via.ReturnFromFulfilled => Adapter.Resolved<object?>(Values.Dummy).Then(_ => xFactory()),
        Via.ReturnFromRejected => Adapter.Rejected<object?>(ReasonException.Dummy()).Catch(_ => xFactory()),
        _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
    };
}
