using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>
/// 2.3.1: If <c>promise</c> and <c>x</c> refer to the same object, reject <c>promise</c> with a <c>TypeError</c> as the
/// reason (2.3.1.js) — in PromiseJs an <see cref="InvalidOperationException"/>, per the contract.
/// </summary>
/// <remarks>
/// Besides the suite's case (the handler returns its own promise as a <c>Promise&lt;T&gt;</c>), the same object also
/// reaches the procedure typed as an <c>IThenable&lt;T&gt;</c>, and as a promise of no value.
/// </remarks>
public sealed class APlus_2_3_1_SameObjectTests
{
    public static TheoryData<Mode, Via, string> Cases
    {
        get
        {
            var rows = new TheoryData<Mode, Via, string>();
            foreach (Mode mode in Rows.AllModes)
            {
                foreach (Via via in Rows.AllVias)
                {
                    foreach (string shape in (string[])[AsPromise, AsThenable, AsValuelessPromise])
                    {
                        rows.Add(mode, via, shape);
                    }
                }
            }

            return rows;
        }
    }

    private const string AsPromise = "x typed as Promise<T>";
    private const string AsThenable = "x typed as IThenable<T>";
    private const string AsValuelessPromise = "x a promise of no value";

    [Theory]
    [MemberData(nameof(Cases))]
    public void _2_3_1_HandlerReturnsItsOwnPromise_RejectsWithInvalidOperationException(Mode mode, Via via, string shape)
    {
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            Promise promise = shape switch
            {
                AsPromise => ReturningItself(via),
                AsThenable => ReturningItselfAsThenable(s, via),
                AsValuelessPromise => ValuelessReturningItself(via),
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
            };
            observation = s.Observe(promise);
        });

        observation!.AssertRejectedWith<InvalidOperationException>();
    }

    // The suite's two specs: "via return from a fulfilled promise" and "via return from a rejected promise".
    private static Promise<object?> ReturningItself(Via via)
    {
        Promise<object?>? promise = null;
        promise = via switch
        {
            Via.ReturnFromFulfilled => Adapter.Resolved<object?>(Values.Dummy).Then(_ => promise),
            Via.ReturnFromRejected => Adapter.Rejected<object?>(ReasonException.Dummy()).Catch(_ => promise),
            _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
        };
        return promise;
    }

    private static Promise<object?> ReturningItselfAsThenable(Scenario s, Via via)
    {
        Promise<object?>? promise = null;
        Func<object?, IThenable<object?>?> onFulfilled = _ => promise;
        Func<Exception, IThenable<object?>?> onRejected = _ => promise;
        promise = via switch
        {
            Via.ReturnFromFulfilled => Adapter.Resolved<object?>(Values.Dummy).Then(onFulfilled),
            Via.ReturnFromRejected => Adapter.Rejected<object?>(ReasonException.Dummy())
                .Then(s.Unreachable<object?, IThenable<object?>>("onFulfilled"), onRejected),
            _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
        };
        return promise;
    }

    private static Promise ValuelessReturningItself(Via via)
    {
        Promise? promise = null;
        promise = via switch
        {
            Via.ReturnFromFulfilled => Adapter.Resolved().Then(() => promise),
            Via.ReturnFromRejected => Adapter.Rejected(ReasonException.Dummy()).Catch(_ => promise),
            _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
        };
        return promise;
    }
}
