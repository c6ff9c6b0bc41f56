namespace PromiseJs.PropertyTests.Support;

/// <summary>The "≡" of the laws: after the loop ran, both promises are settled, in the same state, with equal values or
/// reasons of the same type and message.</summary>
internal static class Equivalence
{
    public static void AssertEquivalent<TExpected, TActual>(Promise<TExpected> expected, Promise<TActual> actual) =>
        AssertEquivalent(Observation.Of(expected), Observation.Of(actual));

    public static void AssertEquivalent(Observation expected, Observation actual)
    {
        // A law that holds only because both sides are still pending proves nothing: every generated program settles.
        Assert.NotEqual(PromiseState.Pending, expected.State);
        Assert.Equal(expected, actual);
    }
}
