using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.3.4: If <c>x</c> is not an object or function, fulfill <c>promise</c> with <c>x</c> (2.3.4.js).</summary>
/// <remarks>
/// Each value keeps its own C# type, so the handler binds to <c>Then&lt;TResult&gt;(Func&lt;T, TResult&gt;)</c> and
/// <c>promise2</c> is a <c>Promise&lt;TResult&gt;</c> of it. The suite's rows that patch <c>Boolean.prototype</c> and
/// <c>Number.prototype</c> with a <c>then</c> method become a <c>bool</c> and an <c>int</c> that have a <c>Then</c>
/// extension method in scope (see <see cref="PrimitiveThenExtensions"/>): C# adopts by type, never by such a lookup.
/// </remarks>
public sealed class APlus_2_3_4_XIsNotAnObjectTests
{
    public static TheoryData<Mode, Settling, string> ValueRows => Rows.ModesSettlingsAnd(
    [
        Undefined, Null, False, True, Zero, TrueWithThenExtension, OneWithThenExtension,
    ]);

    private const string Undefined = "`undefined`";
    private const string Null = "`null`";
    private const string False = "`false`";
    private const string True = "`true`";
    private const string Zero = "`0`";
    private const string TrueWithThenExtension = "`true` with a `Then` extension method on bool";
    private const string OneWithThenExtension = "`1` with a `Then` extension method on int";

    [Theory]
    [MemberData(nameof(ValueRows))]
    public void _2_3_4_OnFulfilledReturnsANonObject_FulfillsWithIt(Mode mode, Settling settling, string value)
    {
        switch (value)
        {
            // `undefined`: a value type's nullable with no value; `null`: a null reference.
            case Undefined:
                AssertOnFulfilledFulfillsWith(mode, settling, default(int?));
                break;
            case Null:
                AssertOnFulfilledFulfillsWith(mode, settling, (string?)null);
                break;
            case False:
                AssertOnFulfilledFulfillsWith(mode, settling, false);
                break;
            case True:
                AssertOnFulfilledFulfillsWith(mode, settling, true);
                break;
            case TrueWithThenExtension:
                Assert.Equal(0, true.Then());
                AssertOnFulfilledFulfillsWith(mode, settling, true);
                break;
            case Zero:
                AssertOnFulfilledFulfillsWith(mode, settling, 0);
                break;
            case OneWithThenExtension:
                Assert.Equal(0, 1.Then());
                AssertOnFulfilledFulfillsWith(mode, settling, 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, null);
        }
    }

    [Theory]
    [MemberData(nameof(ValueRows))]
    public void _2_3_4_OnRejectedReturnsANonObject_FulfillsWithIt(Mode mode, Settling settling, string value)
    {
        switch (value)
        {
            case Undefined:
                AssertOnRejectedFulfillsWith(mode, settling, default(int?));
                break;
            case Null:
                AssertOnRejectedFulfillsWith(mode, settling, (string?)null);
                break;
            case False:
                AssertOnRejectedFulfillsWith(mode, settling, false);
                break;
            case True:
                AssertOnRejectedFulfillsWith(mode, settling, true);
                break;
            case TrueWithThenExtension:
                Assert.Equal(0, true.Then());
                AssertOnRejectedFulfillsWith(mode, settling, true);
                break;
            case Zero:
                AssertOnRejectedFulfillsWith(mode, settling, 0);
                break;
            case OneWithThenExtension:
                Assert.Equal(0, 1.Then());
                AssertOnRejectedFulfillsWith(mode, settling, 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, null);
        }
    }

    // testFulfilled(dummy, …): promise2 = promise1.then(() => expectedValue).
    private static void AssertOnFulfilledFulfillsWith<TValue>(Mode mode, Settling settling, TValue expectedValue)
    {
        Observation<TValue>? observation = null;

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Dummy, promise1 =>
            {
                Func<object?, TValue> onFulfilled = _ => expectedValue;
                Promise<TValue> promise2 = promise1.Then(onFulfilled);
                observation = s.Observe(promise2);
            });
        });

        observation!.AssertFulfilledWith(expectedValue);
    }

    // testRejected(dummy, …): promise2 = promise1.then(null, () => expectedValue).
    private static void AssertOnRejectedFulfillsWith<TValue>(Mode mode, Settling settling, TValue expectedValue)
    {
        Observation<TValue>? observation = null;

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, ReasonException.Dummy(), promise1 =>
            {
                Func<Exception, TValue> onRejected = _ => expectedValue;
                Promise<TValue> promise2 = promise1.Then(s.Unreachable<object?, TValue>("onFulfilled")!, onRejected);
                observation = s.Observe(promise2);
            });
        });

        observation!.AssertFulfilledWith(expectedValue);
    }
}
