namespace PromiseJs.Tests;

/// <summary><see cref="PromiseSettledResult{T}"/>, the element of <see cref="Promise.AllSettled{T}(IEnumerable{Promise{T}})"/>'s result.</summary>
public sealed class PromiseSettledResultTests
{
    [Fact]
    public void Fulfilled_HasValueAndNoReason()
    {
        var result = SettleAll(Promise.Resolve("v"))[0];

        Assert.Equal(PromiseState.Fulfilled, result.Status);
        Assert.Equal("v", result.Value);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Rejected_HasReasonAndDefaultValue()
    {
        var reason = new FormatException();

        var result = SettleAll(Promise.Reject<int>(reason))[0];

        Assert.Equal(PromiseState.Rejected, result.Status);
        Assert.Same(reason, result.Reason);
        Assert.Equal(0, result.Value);
    }

    [Fact]
    public void Value_OfAReferenceType_IsAnnotatedAsPossiblyNullBecauseARejectedInputHasNone()
    {
        // The compiler's flow analysis reads [MaybeNull], which it emits on the getter's return value (the runtime's
        // NullabilityInfoContext cannot see a closed type argument's annotation, so the attribute itself is what to check).
        var getter = typeof(PromiseSettledResult<>).GetProperty(nameof(PromiseSettledResult<string>.Value))!.GetMethod!;

        Assert.Single(getter.ReturnParameter.GetCustomAttributes(typeof(System.Diagnostics.CodeAnalysis.MaybeNullAttribute), inherit: false));
    }

    [Fact]
    public void Equality_SameOutcome_AreEqual()
    {
        var reason = new FormatException();

        var results = SettleAll(Promise.Resolve(1), Promise.Resolve(1), Promise.Reject<int>(reason), Promise.Reject<int>(reason), Promise.Resolve(2));

        Assert.Equal(results[0], results[1]);
        Assert.True(results[0] == results[1]);
        Assert.Equal(results[2], results[3]);
        Assert.NotEqual(results[0], results[4]);
        Assert.True(results[0] != results[2]);
    }

    private static PromiseSettledResult<T>[] SettleAll<T>(params Promise<T>[] promises) =>
        PromiseLoop.Run(() => Promise.AllSettled(promises));
}
