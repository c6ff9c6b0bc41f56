namespace PromiseJs.Tests.Spec.Support;

/// <summary>The suite's shared fulfillment values; immutable, so tests may share them.</summary>
internal static class Values
{
    /// <summary>Fulfills a promise whose value the test does not look at.</summary>
    public static Token Dummy { get; } = new("dummy");

    /// <summary>The value a test checks for with reference equality.</summary>
    public static Token Sentinel { get; } = new("sentinel");

    /// <summary>A second and third sentinel for branching chains (2.2.6).</summary>
    public static Token Sentinel2 { get; } = new("sentinel2");

    public static Token Sentinel3 { get; } = new("sentinel3");

    /// <summary>A value the outcome must not be equal to: what a call that ought to be ignored passes.</summary>
    public static Token Other { get; } = new("other");
}
