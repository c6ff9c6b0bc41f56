using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>
/// 2.2.7: <c>then</c> must return a promise: <c>promise2 = promise1.then(onFulfilled, onRejected)</c> (2.2.7.js).
/// </summary>
/// <remarks>
/// "onFulfilled is not a function" (2.2.7.3) and "onRejected is not a function" (2.2.7.4) become the C# ways of leaving
/// a handler out (a null one is refused, see 2.2.1): <c>Catch</c> leaves out <c>onFulfilled</c>; a one-handler
/// <c>Then</c>, or a <c>Catch&lt;TException&gt;</c> for another exception type, leaves out <c>onRejected</c>. The
/// suite's rows (<c>undefined</c>, <c>null</c>, <c>false</c>, <c>5</c>, an object, an array containing a function)
/// become one row per such overload.
/// </remarks>
public sealed class APlus_2_2_7_ThenReturnsAPromiseTests
{
    public static TheoryData<Mode, Settling, string> ModesSettlingsAndReasons => Rows.ModesSettlingsAnd(Reasons.Names);

    public static TheoryData<Mode, Settling, string> OnFulfilledLeftOutRows => Rows.ModesSettlingsAnd(s_onFulfilledLeftOut.Keys);

    public static TheoryData<Mode, Settling, string> OnRejectedLeftOutRows => Rows.ModesSettlingsAnd(s_onRejectedLeftOut.Keys);

    // promise1 → promise2 without an onFulfilled; promise1 is fulfilled, so none of these handlers runs.
    private static readonly Dictionary<string, Func<Promise<object?>, Promise<object?>>> s_onFulfilledLeftOut = new()
    {
        ["Catch(Func<Exception, T>)"] = promise1 => promise1.Catch(_ => Values.Other),
        ["Catch(Func<Exception, Promise<T>>)"] = promise1 => promise1.Catch(_ => Adapter.Resolved<object?>(Values.Other)),
        ["Catch(Func<Exception, Task<T>>)"] = promise1 => promise1.Catch(_ => Task.FromResult<object?>(Values.Other)),
        ["Catch<TException>(Func<TException, T>)"] = promise1 => promise1.Catch<Exception>(_ => Values.Other),
        ["Catch<TException>(Func<TException, Promise<T>>)"] =
            promise1 => promise1.Catch<Exception>(_ => Adapter.Resolved<object?>(Values.Other)),
    };

    // promise1 → promise2 without an onRejected; promise1 is rejected, so none of these handlers runs.
    private static readonly Dictionary<string, Func<Promise<object?>, Promise>> s_onRejectedLeftOut = new()
    {
        ["Then(Func<T, TResult>)"] = promise1 => promise1.Then(_ => Values.Other),
        ["Then(Func<T, Promise<TResult>>)"] = promise1 => promise1.Then(_ => Adapter.Resolved<object?>(Values.Other)),
        ["Then(Func<T, IThenable<TResult>>)"] = promise1 => promise1.Then(_ => (IThenable<object?>)Adapter.Resolved<object?>(Values.Other)),
        ["Then(Func<T, Task<TResult>>)"] = promise1 => promise1.Then(_ => Task.FromResult<object?>(Values.Other)),
        ["Then(Action<T>)"] = promise1 => promise1.Then(_ => { }),
        ["Then(Func<T, Promise>)"] = promise1 => promise1.Then(_ => Adapter.Resolved()),
        ["Then(Func<T, Task>)"] = promise1 => promise1.Then(_ => Task.CompletedTask),
        ["Then(Action) on a promise of no value"] = promise1 => ((Promise)promise1).Then(() => { }),
        ["Catch<TException>(…) of another exception type"] = promise1 => promise1.Catch<ArgumentException>(_ => Values.Other),
    };

    // "is a promise".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_7_Then_ReturnsAPromise(Mode mode)
    {
        Promise<object?>? promise1 = null;
        object? promise2 = null;

        Scenarios.Run(mode, s =>
        {
            promise1 = Adapter.Deferred<object?>().Promise;
            promise2 = promise1.Then(value => value);
            s.Done();
        });

        Assert.NotNull(promise2);
        var thenable = Assert.IsAssignableFrom<IThenable<object?>>(promise2);
        Assert.NotSame(promise1, thenable);
        Assert.Equal(PromiseState.Pending, ((Promise)promise2).State);
    }

    // 2.2.7.1: If either onFulfilled or onRejected returns a value x, run [[Resolve]](promise2, x) — "see separate 3.3
    // tests"; here the plain case, a value that is no thenable.
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_7_1_OnFulfilledReturnsAValue_Promise2FulfilledWithIt(Mode mode, Settling settling)
    {
        Observation<object?>? observation = null;

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Dummy, promise1 =>
            {
                observation = s.Observe(promise1.Then(_ => (object?)Values.Sentinel));
            });
        });

        observation!.AssertFulfilledWith(Values.Sentinel);
    }

    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_7_1_OnRejectedReturnsAValue_Promise2FulfilledWithIt(Mode mode, Settling settling)
    {
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, ReasonException.Dummy(), promise1 =>
            {
                var promise2 = promise1.Then(s.Unreachable<object?, object?>("onFulfilled"), _ => Values.Sentinel);
                observation = s.Observe(promise2);
            });
        });

        observation!.AssertFulfilledWith(Values.Sentinel);
    }

    // 2.2.7.2: If either onFulfilled or onRejected throws an exception e, promise2 must be rejected with e as the reason.
    [Theory]
    [MemberData(nameof(ModesSettlingsAndReasons))]
    public void _2_2_7_2_OnFulfilledThrows_Promise2RejectedWithThatException(Mode mode, Settling settling, string reason)
    {
        Exception? expectedReason = null;
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            expectedReason = Reasons.Create(reason);
            s.TestFulfilled<object?>(settling, Values.Dummy, promise1 =>
            {
                Func<object?, object?> onFulfilled = _ => throw expectedReason;
                observation = s.Observe(promise1.Then(onFulfilled));
            });
        });

        observation!.AssertRejectedWith(expectedReason!);
    }

    [Theory]
    [MemberData(nameof(ModesSettlingsAndReasons))]
    public void _2_2_7_2_OnRejectedThrows_Promise2RejectedWithThatException(Mode mode, Settling settling, string reason)
    {
        Exception? expectedReason = null;
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            expectedReason = Reasons.Create(reason);
            s.TestRejected<object?>(settling, ReasonException.Dummy(), promise1 =>
            {
                Func<Exception, object?> onRejected = _ => throw expectedReason;
                observation = s.Observe(promise1.Then(s.Unreachable<object?, object?>("onFulfilled"), onRejected));
            });
        });

        observation!.AssertRejectedWith(expectedReason!);
    }

    // 2.2.7.3: If onFulfilled is not a function and promise1 is fulfilled, promise2 must be fulfilled with the same value.
    [Theory]
    [MemberData(nameof(OnFulfilledLeftOutRows))]
    public void _2_2_7_3_OnFulfilledLeftOut_Promise2FulfilledWithTheSameValue(Mode mode, Settling settling, string overload)
    {
        Observation<object?>? observation = null;

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Sentinel, promise1 =>
            {
                observation = s.Observe(s_onFulfilledLeftOut[overload](promise1));
            });
        });

        observation!.AssertFulfilledWith(Values.Sentinel);
    }

    // 2.2.7.3 with Catch(Action<Exception>), which returns a promise of no value: a fulfilled promise1 fulfills it.
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_7_3_ValuelessCatchOnFulfilledPromise_Promise2Fulfilled(Mode mode, Settling settling)
    {
        Observation<object?>? observation = null;

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Sentinel, promise1 =>
            {
                Promise promise2 = promise1.Catch(_ => s.Fail("onRejected must not be called"));
                observation = s.Observe(promise2);
            });
        });

        observation!.AssertFulfilled();
    }

    // 2.2.7.4: If onRejected is not a function and promise1 is rejected, promise2 must be rejected with the same reason.
    [Theory]
    [MemberData(nameof(OnRejectedLeftOutRows))]
    public void _2_2_7_4_OnRejectedLeftOut_Promise2RejectedWithTheSameReason(Mode mode, Settling settling, string overload)
    {
        var sentinel = ReasonException.Sentinel();
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, sentinel, promise1 =>
            {
                observation = s.Observe(s_onRejectedLeftOut[overload](promise1));
            });
        });

        observation!.AssertRejectedWith(sentinel);
    }
}
