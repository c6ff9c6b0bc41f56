using System.Globalization;
using FsCheck.Xunit;

namespace PromiseJs.PropertyTests.Support;

/// <summary>The FsCheck.Xunit <c>[Property]</c> of this suite: one shared configuration (the generators of
/// <see cref="PromiseArbitraries"/>, quiet on success) and a case count that the <see cref="ScaleVariable"/> environment
/// variable multiplies (e.g. <c>PROMISEJS_PROPERTY_SCALE=100</c> for a soak run). A failure prints the counterexample,
/// shrunk, and the seed; <c>[PromiseProperty(Replay = "(seed,gamma)")]</c> replays it.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PromisePropertyAttribute : PropertyAttribute
{
    /// <summary>The environment variable that multiplies every property's case count (a positive integer; 1 when unset).</summary>
    public const string ScaleVariable = "PROMISEJS_PROPERTY_SCALE";

    /// <summary>The case count of a property at scale 1.</summary>
    public const int DefaultCases = 100;

    /// <summary>Initializes the attribute with <paramref name="cases"/> cases at scale 1.</summary>
    public PromisePropertyAttribute(int cases = DefaultCases)
    {
        Cases = cases;
        MaxTest = checked(cases * Scale);
        QuietOnSuccess = true;
        Arbitrary = [typeof(PromiseArbitraries)];
    }

    /// <summary>Gets the case count at scale 1.</summary>
    public int Cases { get; }

    /// <summary>Gets the factor read from <see cref="ScaleVariable"/> once per test run.</summary>
    public static int Scale { get; } = ReadScale();

    private static int ReadScale()
    {
        string? text = Environment.GetEnvironmentVariable(ScaleVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int scale) && scale > 0
            ? scale
            : throw new InvalidOperationException($"{ScaleVariable} must be a positive integer, not '{text}'.");
    }
}
