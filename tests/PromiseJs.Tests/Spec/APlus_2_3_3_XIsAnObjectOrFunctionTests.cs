using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.3.3: Otherwise, if <c>x</c> is an object or function (2.3.3.js).</summary>
/// <remarks>
/// <para>
/// <c>x</c> is a foreign thenable: a hand-written <c>IThenable&lt;T&gt;</c> returned from a handler typed as such, so
/// that the handler binds to <c>Then(Func&lt;T, IThenable&lt;TResult&gt;&gt;)</c> (adoption is type-directed). "via
/// return from a rejected promise" is the two-handler <c>Then</c> whose <c>onFulfilled</c> must not run.
/// </para>
/// <para>
/// C#'s <c>resolvePromise</c> is an <c>Action&lt;T&gt;</c>: it takes a value, never a thenable to resolve recursively.
/// So where the suite calls <c>resolvePromise(y)</c> with a thenable <c>y</c> (2.3.3.3.1), <c>x</c> has the library adopt
/// <c>y</c> (<c>Promise.Resolve(IThenable&lt;T&gt;)</c>, the same procedure) and hands the outcome on to
/// <c>resolvePromise</c>/<c>rejectPromise</c>; a thenable for a thenable is an <c>IThenable&lt;IThenable&lt;T&gt;&gt;</c>
/// adopted in two steps. Where the suite calls <c>resolvePromise(d.promise)</c> with a pending promise, the promise can
/// only travel as a plain <c>object?</c> value, which is not adopted: the outcome is that promise object itself, and
/// what carries over is that this first call decides the outcome and later calls (or a throw) are ignored.
/// </para>
/// <para>
/// Loop only: many scenarios order two timers of the same delay (resolve, then reject), an order a single-threaded
/// loop guarantees and independent thread-pool timers do not.
/// </para>
/// </remarks>
public sealed class APlus_2_3_3_XIsAnObjectOrFunctionTests
{
    private const string YUndefined = "`undefined`";
    private const string YNull = "`null`";
    private const string YFalse = "`false`";
    private const string YFive = "`5`";
    private const string YAnObject = "an object";
    private const string YAnArray = "an array";

    private const string ThenIsFive = "`then` is `5`";
    private const string ThenIsAnObject = "`then` is an object";
    private const string ThenIsAnArrayContainingAFunction = "`then` is an array containing a function";
    private const string ThenIsARegularExpression = "`then` is a regular expression";
    private const string ThenIsAFunctionDescription = "`then` is an object inheriting from `Function.prototype`";
    private const string ThenIsADuckTypedMethod = "`Then` is a method of the right shape, but x is no IThenable";
    private const string XIsAThenableTypedAsAValue = "x is an IThenable, typed as a plain value";

    private static readonly object[] s_sentinelArray = [Values.Sentinel];

    public static TheoryData<string, Via> ThenableShapeRows => WithVias(ThenableShapes.Names);

    public static TheoryData<string, Via> ReasonRows => WithVias(Reasons.Names);

    public static TheoryData<string, Calls, Via> NonThenableYRows =>
        WithCallsAndVias([YUndefined, YNull, YFalse, YFive, YAnObject, YAnArray]);

    public static TheoryData<string, Calls, Via> FulfilledThenableYRows => WithCallsAndVias(Thenables.FulfilledNames);

    public static TheoryData<string, Calls, Via> RejectedThenableYRows => WithCallsAndVias(Thenables.RejectedNames);

    public static TheoryData<string, string, Calls, Via> ThenableForFulfilledThenableRows =>
        OuterInnerCallsAndVias(Thenables.FulfilledNames);

    public static TheoryData<string, string, Calls, Via> ThenableForRejectedThenableRows =>
        OuterInnerCallsAndVias(Thenables.RejectedNames);

    public static TheoryData<string, Calls, Via> ReasonCallsAndViaRows => WithCallsAndVias(Reasons.Names);

    public static TheoryData<string, Via> NotAThenableRows => WithVias(
    [
        ThenIsFive, ThenIsAnObject, ThenIsAnArrayContainingAFunction, ThenIsARegularExpression, ThenIsAFunctionDescription,
        ThenIsADuckTypedMethod, XIsAThenableTypedAsAValue,
    ]);

    // ----- 2.3.3.1: Let then be x.then. -----

    // "`x` is an object with null prototype", "… with normal Object.prototype", "`x` is a function": then is looked up
    // (here: called) exactly once.
    [Theory]
    [MemberData(nameof(ThenableShapeRows))]
    public void _2_3_3_1_ThenOfEachKindOfX_CalledExactlyOnce(string shape, Via via)
    {
        var thenCalls = new StrongBox<int>();

        Resolve(via, _ => ThenableShapes.Create<object?>(shape, thenCalls)).AssertFulfilledWith(null);

        Assert.Equal(1, thenCalls.Value);
    }

    // ----- 2.3.3.2: If retrieving the property x.then results in a thrown exception e, reject promise with e. -----

    [Theory]
    [MemberData(nameof(ReasonRows))]
    public void _2_3_3_2_RetrievingThenThrows_RejectsWithThatException(string reason, Via via)
    {
        Exception? e = null;

        var observation = Resolve(via, _ => new ThrowingAccessorThenable<object?>(e = Reasons.Create(reason)));

        observation.AssertRejectedWith(e!);
    }

    // ----- 2.3.3.3: If then is a function, call it with x as this, first argument resolvePromise, and second -----
    // ----- argument rejectPromise.                                                                            -----

    // "Calls with `x` as `this` and two function arguments".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_Then_CalledOnXWithTwoFunctions(Via via)
    {
        ScriptedThenable<object?>? x = null;

        var observation = Resolve(via, s => x = new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            s.Check(() =>
            {
                Assert.NotNull(resolvePromise);
                Assert.NotNull(rejectPromise);
            });
            resolvePromise(null);
        }));

        observation.AssertFulfilledWith(null);
        Assert.Equal(1, x!.ThenCalls);
    }

    // "Uses the original value of `then`": x's then works once only; looking at it a second time fails the test.
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_Then_UsedOnceAsFirstObtained(Via via)
    {
        Resolve(via, s => Thenables.Fulfilled<object?>(Thenables.SynchronouslyFulfilledOneTime, Values.Sentinel, Values.Other, s))
            .AssertFulfilledWith(Values.Sentinel);
    }

    // ----- 2.3.3.3.1: If/when resolvePromise is called with a value y, run [[Resolve]](promise, y). -----

    // "`y` is not a thenable": `undefined`, `null`, `false`, `5`, an object, an array.
    [Theory]
    [MemberData(nameof(NonThenableYRows))]
    public void _2_3_3_3_1_ResolvePromiseCalledWithANonThenable_FulfillsWithY(string y, Calls calls, Via via)
    {
        var value = NonThenableY(y);

        Resolve(via, s => CallingResolvePromise(s, calls, () => value)).AssertFulfilledWith(value);
    }

    // "`y` is a thenable" (thenables.fulfilled).
    [Theory]
    [MemberData(nameof(FulfilledThenableYRows))]
    public void _2_3_3_3_1_ResolvePromiseCalledWithAFulfilledThenable_FulfillsWithItsValue(string y, Calls calls, Via via)
    {
        Resolve(via, s => CallingResolvePromiseWith(
                s,
                calls,
                () => Promise.Resolve(Thenables.Fulfilled<object?>(y, Values.Sentinel, Values.Other, s))))
            .AssertFulfilledWith(Values.Sentinel);
    }

    // "`y` is a thenable" (thenables.rejected).
    [Theory]
    [MemberData(nameof(RejectedThenableYRows))]
    public void _2_3_3_3_1_ResolvePromiseCalledWithARejectedThenable_RejectsWithItsReason(string y, Calls calls, Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => CallingResolvePromiseWith(
                s,
                calls,
                () => Promise.Resolve(Thenables.Rejected<object?>(y, sentinel, s))))
            .AssertRejectedWith(sentinel);
    }

    // "`y` is a thenable for a thenable" (outer thenables.fulfilled for inner thenables.fulfilled).
    [Theory]
    [MemberData(nameof(ThenableForFulfilledThenableRows))]
    public void _2_3_3_3_1_ResolvePromiseCalledWithAThenableForAFulfilledThenable_FulfillsWithTheInnerValue(
        string outer, string inner, Calls calls, Via via)
    {
        Resolve(via, s => CallingResolvePromiseWith(
                s,
                calls,
                () => AdoptThenableForThenable(s, outer, Thenables.Fulfilled<object?>(inner, Values.Sentinel, Values.Other, s))))
            .AssertFulfilledWith(Values.Sentinel);
    }

    // "`y` is a thenable for a thenable" (outer thenables.fulfilled for inner thenables.rejected).
    [Theory]
    [MemberData(nameof(ThenableForRejectedThenableRows))]
    public void _2_3_3_3_1_ResolvePromiseCalledWithAThenableForARejectedThenable_RejectsWithTheInnerReason(
        string outer, string inner, Calls calls, Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => CallingResolvePromiseWith(
                s,
                calls,
                () => AdoptThenableForThenable(s, outer, Thenables.Rejected<object?>(inner, sentinel, s))))
            .AssertRejectedWith(sentinel);
    }

    // ----- 2.3.3.3.2: If/when rejectPromise is called with a reason r, reject promise with r. -----

    [Theory]
    [MemberData(nameof(ReasonCallsAndViaRows))]
    public void _2_3_3_3_2_RejectPromiseCalled_RejectsWithR(string reason, Calls calls, Via via)
    {
        Exception? r = null;

        var observation = Resolve(via, s =>
        {
            r = Reasons.Create(reason);
            return new ScriptedThenable<object?>((_, rejectPromise) => When(s, calls, () => rejectPromise(r)));
        });

        observation.AssertRejectedWith(r!);
    }

    // ----- 2.3.3.3.3: If both resolvePromise and rejectPromise are called, or multiple calls to the same argument -----
    // ----- are made, the first call takes precedence, and any further calls are ignored.                          -----

    // "calling `resolvePromise` then `rejectPromise`, both synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveThenReject_BothSynchronously_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, _ => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            resolvePromise(Values.Sentinel);
            rejectPromise(ReasonException.Other());
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "calling `resolvePromise` synchronously then `rejectPromise` asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveSynchronouslyThenRejectAsynchronously_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            resolvePromise(Values.Sentinel);
            s.SetTimeout(() => rejectPromise(ReasonException.Other()), Delays.Now);
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "calling `resolvePromise` then `rejectPromise`, both asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveThenReject_BothAsynchronously_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            s.SetTimeout(() => resolvePromise(Values.Sentinel), Delays.Now);
            s.SetTimeout(() => rejectPromise(ReasonException.Other()), Delays.Now);
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "calling `resolvePromise` with an asynchronously-fulfilled promise, then calling `rejectPromise`, both
    // synchronously": the pending promise is a plain value here (see the remarks), and it decides the outcome.
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveWithAsyncFulfilledPromiseThenReject_FirstCallDecides(Via via)
    {
        AssertResolvingWithAPendingPromiseDecides(
            via,
            deferred => deferred.Resolve(Values.Sentinel),
            (_, rejectPromise) => rejectPromise(ReasonException.Other()));
    }

    // "calling `resolvePromise` with an asynchronously-rejected promise, then calling `rejectPromise`, both
    // synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveWithAsyncRejectedPromiseThenReject_FirstCallDecides(Via via)
    {
        AssertResolvingWithAPendingPromiseDecides(
            via,
            deferred => deferred.Reject(ReasonException.Sentinel()),
            (_, rejectPromise) => rejectPromise(ReasonException.Other()));
    }

    // "calling `rejectPromise` then `resolvePromise`, both synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_RejectThenResolve_BothSynchronously_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, _ => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            rejectPromise(sentinel);
            resolvePromise(Values.Other);
        })).AssertRejectedWith(sentinel);
    }

    // "calling `rejectPromise` synchronously then `resolvePromise` asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_RejectSynchronouslyThenResolveAsynchronously_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            rejectPromise(sentinel);
            s.SetTimeout(() => resolvePromise(Values.Other), Delays.Now);
        })).AssertRejectedWith(sentinel);
    }

    // "calling `rejectPromise` then `resolvePromise`, both asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_RejectThenResolve_BothAsynchronously_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            s.SetTimeout(() => rejectPromise(sentinel), Delays.Now);
            s.SetTimeout(() => resolvePromise(Values.Other), Delays.Now);
        })).AssertRejectedWith(sentinel);
    }

    // "calling `resolvePromise` twice synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveTwice_Synchronously_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, _ => new ScriptedThenable<object?>((resolvePromise, _) =>
        {
            resolvePromise(Values.Sentinel);
            resolvePromise(Values.Other);
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "calling `resolvePromise` twice, first synchronously then asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveTwice_SynchronouslyThenAsynchronously_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, _) =>
        {
            resolvePromise(Values.Sentinel);
            s.SetTimeout(() => resolvePromise(Values.Other), Delays.Now);
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "calling `resolvePromise` twice, both times asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveTwice_BothAsynchronously_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, _) =>
        {
            s.SetTimeout(() => resolvePromise(Values.Sentinel), Delays.Now);
            s.SetTimeout(() => resolvePromise(Values.Other), Delays.Now);
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "calling `resolvePromise` with an asynchronously-fulfilled promise, then calling it again, both times
    // synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveWithAsyncFulfilledPromiseThenResolveAgain_FirstCallDecides(Via via)
    {
        AssertResolvingWithAPendingPromiseDecides(
            via,
            deferred => deferred.Resolve(Values.Sentinel),
            (resolvePromise, _) => resolvePromise(Values.Other));
    }

    // "calling `resolvePromise` with an asynchronously-rejected promise, then calling it again, both times
    // synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_ResolveWithAsyncRejectedPromiseThenResolveAgain_FirstCallDecides(Via via)
    {
        AssertResolvingWithAPendingPromiseDecides(
            via,
            deferred => deferred.Reject(ReasonException.Sentinel()),
            (resolvePromise, _) => resolvePromise(Values.Other));
    }

    // "calling `rejectPromise` twice synchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_RejectTwice_Synchronously_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, _ => new ScriptedThenable<object?>((_, rejectPromise) =>
        {
            rejectPromise(sentinel);
            rejectPromise(ReasonException.Other());
        })).AssertRejectedWith(sentinel);
    }

    // "calling `rejectPromise` twice, first synchronously then asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_RejectTwice_SynchronouslyThenAsynchronously_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => new ScriptedThenable<object?>((_, rejectPromise) =>
        {
            rejectPromise(sentinel);
            s.SetTimeout(() => rejectPromise(ReasonException.Other()), Delays.Now);
        })).AssertRejectedWith(sentinel);
    }

    // "calling `rejectPromise` twice, both times asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_RejectTwice_BothAsynchronously_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => new ScriptedThenable<object?>((_, rejectPromise) =>
        {
            s.SetTimeout(() => rejectPromise(sentinel), Delays.Now);
            s.SetTimeout(() => rejectPromise(ReasonException.Other()), Delays.Now);
        })).AssertRejectedWith(sentinel);
    }

    // "saving and abusing `resolvePromise` and `rejectPromise`".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_3_SavedResolvePromiseAndRejectPromise_CalledLaterAndAgain_OnlyTheFirstCallCounts(Via via)
    {
        var timesFulfilled = 0;
        var timesRejected = 0;

        Scenarios.RunRejecting(Mode.Loop, s =>
        {
            Action<object?>? savedResolvePromise = null;
            Action<Exception>? savedRejectPromise = null;

            var promise = ResolveVia(s, via, () => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
            {
                savedResolvePromise = resolvePromise;
                savedRejectPromise = rejectPromise;
            }));

            promise.Then(_ => { timesFulfilled++; }, _ => { timesRejected++; });

            void Abuse()
            {
                savedResolvePromise!(Values.Dummy);
                savedResolvePromise(Values.Dummy);
                savedRejectPromise!(ReasonException.Dummy());
                savedRejectPromise(ReasonException.Dummy());
            }

            if (savedResolvePromise is not null && savedRejectPromise is not null)
            {
                Abuse();
            }

            s.SetTimeout(Abuse, Delays.Step);
            s.SetTimeout(s.Done, 2 * Delays.Step);
        });

        Assert.Equal(1, timesFulfilled);
        Assert.Equal(0, timesRejected);
    }

    // ----- 2.3.3.3.4: If calling then throws an exception e, -----
    // ----- 2.3.3.3.4.1: If resolvePromise or rejectPromise have been called, ignore it. -----

    // "`resolvePromise` was called with a non-thenable".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_1_ResolvePromiseCalledWithANonThenableThenThrows_FulfillsWithTheValue(Via via)
    {
        Resolve(via, _ => new ScriptedThenable<object?>((resolvePromise, _) =>
        {
            resolvePromise(Values.Sentinel);
            throw ReasonException.Other();
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "`resolvePromise` was called with an asynchronously-fulfilled promise" (a plain value here, see the remarks).
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_1_ResolvePromiseCalledWithAsyncFulfilledPromiseThenThrows_ThrowIgnored(Via via)
    {
        AssertResolvingWithAPendingPromiseDecides(
            via,
            deferred => deferred.Resolve(Values.Sentinel),
            (_, _) => throw ReasonException.Other());
    }

    // "`resolvePromise` was called with an asynchronously-rejected promise" (a plain value here, see the remarks).
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_1_ResolvePromiseCalledWithAsyncRejectedPromiseThenThrows_ThrowIgnored(Via via)
    {
        AssertResolvingWithAPendingPromiseDecides(
            via,
            deferred => deferred.Reject(ReasonException.Sentinel()),
            (_, _) => throw ReasonException.Other());
    }

    // "`rejectPromise` was called".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_1_RejectPromiseCalledThenThrows_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, _ => new ScriptedThenable<object?>((_, rejectPromise) =>
        {
            rejectPromise(sentinel);
            throw ReasonException.Other();
        })).AssertRejectedWith(sentinel);
    }

    // "`resolvePromise` then `rejectPromise` were called".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_1_ResolveThenRejectThenThrow_FulfillsWithTheFirstValue(Via via)
    {
        Resolve(via, _ => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            resolvePromise(Values.Sentinel);
            rejectPromise(ReasonException.Other());
            throw ReasonException.Other();
        })).AssertFulfilledWith(Values.Sentinel);
    }

    // "`rejectPromise` then `resolvePromise` were called".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_1_RejectThenResolveThenThrow_RejectsWithTheFirstReason(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, _ => new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
        {
            rejectPromise(sentinel);
            resolvePromise(Values.Other);
            throw ReasonException.Other();
        })).AssertRejectedWith(sentinel);
    }

    // ----- 2.3.3.3.4.2: Otherwise, reject promise with e as the reason. -----

    // "straightforward case".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_2_ThenThrows_RejectsWithTheException(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, _ => new ScriptedThenable<object?>((_, _) => throw sentinel)).AssertRejectedWith(sentinel);
    }

    // "`resolvePromise` is called asynchronously before the `throw`".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_2_ResolvePromiseScheduledThenThrows_RejectsWithTheException(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => new ScriptedThenable<object?>((resolvePromise, _) =>
        {
            s.SetTimeout(() => resolvePromise(Values.Other), Delays.Now);
            throw sentinel;
        })).AssertRejectedWith(sentinel);
    }

    // "`rejectPromise` is called asynchronously before the `throw`".
    [Theory]
    [MemberData(nameof(Rows.Vias), MemberType = typeof(Rows))]
    public void _2_3_3_3_4_2_RejectPromiseScheduledThenThrows_RejectsWithTheException(Via via)
    {
        var sentinel = ReasonException.Sentinel();

        Resolve(via, s => new ScriptedThenable<object?>((_, rejectPromise) =>
        {
            s.SetTimeout(() => rejectPromise(ReasonException.Other()), Delays.Now);
            throw sentinel;
        })).AssertRejectedWith(sentinel);
    }

    // ----- 2.3.3.4: If then is not a function, fulfill promise with x. -----

    // The suite's rows (`then` is 5, an object, an array containing a function, a regular expression, an object
    // inheriting from Function.prototype) become objects with a member named Then that is no IThenable<T>.Then; two
    // C# rows add a duck-typed Then method and a real thenable typed as a plain value (adoption is type-directed).
    [Theory]
    [MemberData(nameof(NotAThenableRows))]
    public void _2_3_3_4_ThenIsNotAThenMethod_FulfillsWithX(string then, Via via)
    {
        object? x = null;
        Observation<object?>? observation = null;

        Scenarios.RunRejecting(Mode.Loop, s =>
        {
            x = NotAThenable(then, s);
            Func<object?, object?> returnX = _ => x;
            Func<Exception, object?> returnXOnRejected = _ => x;
            var promise = via switch
            {
                Via.ReturnFromFulfilled => Adapter.Resolved<object?>(Values.Dummy).Then(returnX),
                Via.ReturnFromRejected => Adapter.Rejected<object?>(ReasonException.Dummy())
                    .Then(s.Unreachable<object?, object?>("onFulfilled"), returnXOnRejected),
                _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
            };
            observation = s.Observe(promise);
        });

        observation!.AssertFulfilledWith(x);
    }

    // ----- the suite's helpers -----

    // testPromiseResolution: x comes back from a handler of an already settled promise; the result is observed.
    private static Observation<object?> Resolve(Via via, Func<Scenario, IThenable<object?>> xFactory)
    {
        Observation<object?>? observation = null;
        Scenarios.RunRejecting(Mode.Loop, s => observation = s.Observe(ResolveVia(s, via, () => xFactory(s))));
        return observation!;
    }

    // x calls resolvePromise with a promise that `settle` settles later (a plain value here, see the remarks), then does
    // `andThen` synchronously (call again or throw): the first call decides, so the outcome is that promise object.
    private static void AssertResolvingWithAPendingPromiseDecides(
        Via via, Action<PromiseWithResolvers<object?>> settle, Action<Action<object?>, Action<Exception>> andThen)
    {
        Promise<object?>? pending = null;

        var observation = Resolve(via, s =>
        {
            pending = Eventually(s, settle);
            return new ScriptedThenable<object?>((resolvePromise, rejectPromise) =>
            {
                resolvePromise(pending);
                andThen(resolvePromise, rejectPromise);
            });
        });

        observation.AssertFulfilledWith(pending);
    }

    private static Promise<object?> ResolveVia(Scenario s, Via via, Func<IThenable<object?>> xFactory)
    {
        Func<object?, IThenable<object?>?> onFulfilled = _ => xFactory();
        Func<Exception, IThenable<object?>?> onRejected = _ => xFactory();
        return via switch
        {
            Via.ReturnFromFulfilled => Adapter.Resolved<object?>(Values.Dummy).Then(onFulfilled),
            Via.ReturnFromRejected => Adapter.Rejected<object?>(ReasonException.Dummy())
                .Then(s.Unreachable<object?, IThenable<object?>>("onFulfilled"), onRejected),
            _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
        };
    }

    // testCallingResolvePromise for a value y: x calls resolvePromise(y), synchronously or from a timer.
    private static ScriptedThenable<object?> CallingResolvePromise(Scenario s, Calls calls, Func<object?> yFactory) =>
        new((resolvePromise, _) => When(s, calls, () => resolvePromise(yFactory())));

    // testCallingResolvePromise for a thenable y: x has the library adopt y and passes the outcome on.
    private static ScriptedThenable<object?> CallingResolvePromiseWith(Scenario s, Calls calls, Func<Promise<object?>> adoptY) =>
        new((resolvePromise, rejectPromise) => When(s, calls, () => adoptY().Then(resolvePromise, rejectPromise)));

    // outerThenableFactory(innerThenableFactory(sentinel)): the outer fulfills with the inner thenable; adopting it
    // takes two steps, Promise.Resolve for the outer and a thenable-returning Then for the inner.
    private static Promise<object?> AdoptThenableForThenable(Scenario s, string outer, IThenable<object?> inner)
    {
        IThenable<object?> other = Thenables.Fulfilled<object?>(Thenables.SynchronouslyFulfilledCustom, Values.Other, Values.Other, s);
        IThenable<IThenable<object?>> y = Thenables.Fulfilled(outer, inner, other, s);
        return Promise.Resolve(y).Then(innerThenable => innerThenable);
    }

    private static void When(Scenario s, Calls calls, Action call)
    {
        if (calls == Calls.Synchronously)
        {
            call();
        }
        else
        {
            s.SetTimeout(call, Delays.Now);
        }
    }

    private static Promise<object?> Eventually(Scenario s, Action<PromiseWithResolvers<object?>> settle)
    {
        var deferred = Adapter.Deferred<object?>();
        s.SetTimeout(() => settle(deferred), Delays.Eventually);
        return deferred.Promise;
    }

    private static object? NonThenableY(string y) => y switch
    {
        // C# has one null: `undefined` and `null` both become it.
        YUndefined => null,
        YNull => null,
        YFalse => false,
        YFive => 5,
        YAnObject => Values.Sentinel,
        YAnArray => s_sentinelArray,
        _ => throw new ArgumentOutOfRangeException(nameof(y), y, null),
    };

    private static object NotAThenable(string then, Scenario s) => then switch
    {
        ThenIsFive => new WithThen<int>(5),
        ThenIsAnObject => new WithThen<object>(new object()),
        ThenIsAnArrayContainingAFunction => new WithThen<Action[]>([() => s.Fail("the function in `then` must not be called")]),
        ThenIsARegularExpression => new WithThen<Regex>(new Regex("a-b", RegexOptions.IgnoreCase)),

        // Object.create(Function.prototype) looks like a function but cannot be called: a method's description.
        ThenIsAFunctionDescription => new WithThen<System.Reflection.MethodInfo>(typeof(Action).GetMethod(nameof(Action.Invoke))!),
        ThenIsADuckTypedMethod => new DuckTypedThen(s),
        XIsAThenableTypedAsAValue => new ScriptedThenable<object?>((_, _) => s.Fail("x typed as object must not be adopted")),
        _ => throw new ArgumentOutOfRangeException(nameof(then), then, null),
    };

    private static TheoryData<string, Via> WithVias(IEnumerable<string> names)
    {
        var rows = new TheoryData<string, Via>();
        foreach (string name in names)
        {
            foreach (Via via in Rows.AllVias)
            {
                rows.Add(name, via);
            }
        }

        return rows;
    }

    private static TheoryData<string, Calls, Via> WithCallsAndVias(IEnumerable<string> names)
    {
        var rows = new TheoryData<string, Calls, Via>();
        foreach (string name in names)
        {
            foreach (Calls calls in Rows.AllCalls)
            {
                foreach (Via via in Rows.AllVias)
                {
                    rows.Add(name, calls, via);
                }
            }
        }

        return rows;
    }

    private static TheoryData<string, string, Calls, Via> OuterInnerCallsAndVias(IEnumerable<string> innerNames)
    {
        var rows = new TheoryData<string, string, Calls, Via>();
        foreach (string outer in Thenables.FulfilledNames)
        {
            foreach (string inner in innerNames)
            {
                foreach (Calls calls in Rows.AllCalls)
                {
                    foreach (Via via in Rows.AllVias)
                    {
                        rows.Add(outer, inner, calls, via);
                    }
                }
            }
        }

        return rows;
    }

    // An object with a member called Then that is not a then method: { then: 5 }, { then: {} }, …
    private sealed class WithThen<TThen>
    {
        public WithThen(TThen then)
        {
            Then = then;
        }

        public TThen Then { get; }
    }

    // A Then method of the right shape on a class that does not implement IThenable<T>: no adoption by duck typing.
    private sealed class DuckTypedThen
    {
        private readonly Scenario _scenario;

        public DuckTypedThen(Scenario scenario)
        {
            _scenario = scenario;
        }

        public void Then(Action<object?> onFulfilled, Action<Exception> onRejected) =>
            _scenario.Fail("a duck-typed Then must not be called");
    }
}
