using System.Globalization;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// The counts of the reliability suite. By default each scenario runs the count (10⁶ operations, a few seconds);
/// the soak variant multiplies them: set <c>PROMISEJS_SOAK=1</c> for ×100, or <c>PROMISEJS_SOAK=</c><i>n</i> (n ≥ 2) for
/// ×n, and run <c>dotnet test tests/PromiseJs.Tests --filter FullyQualifiedName~Reliability</c>.
/// </summary>
/// <remarks>Structures held in memory all at once (a chain of 10⁶ promises, a recursion 10⁶ deep) grow with
/// <see cref="DepthFactor"/>, at most ×10, so a soak run needs no more than a few gigabytes.</remarks>
internal static class ReliabilityScale
{
    /// <summary>The environment variable that turns the soak variant on.</summary>
    public const string Variable = "PROMISEJS_SOAK";

    /// <summary>The count for every scenario: a million operations.</summary>
    public const int Million = 1_000_000;

    /// <summary>Gets the factor the counts are multiplied by: 1 unless the soak variant is on.</summary>
    public static int Factor { get; } = ReadFactor(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Gets whether the soak variant is on.</summary>
    public static bool IsSoak => Factor > 1;

    /// <summary>Gets the factor for structures that live in memory all at once: <see cref="Factor"/>, at most 10.</summary>
    public static int DepthFactor => Math.Min(Factor, 10);

    /// <summary>Gets how long a test waits for its workers before it fails naming what is still pending: generous, so a
    /// slow shared machine never trips it, and it only matters when something hangs.</summary>
    public static TimeSpan Watchdog => TimeSpan.FromSeconds(IsSoak ? 60 * Factor : 60);

    /// <summary>Returns <paramref name="count"/> scaled for the run.</summary>
    public static int Operations(int count) => checked(count * Factor);

    /// <summary>Returns the depth <paramref name="count"/> scaled for the run (see <see cref="DepthFactor"/>).</summary>
    public static int Depth(int count) => checked(count * DepthFactor);

    private static int ReadFactor(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == "0")
        {
            return 1;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int factor) || factor < 1)
        {
            throw new InvalidOperationException($"{Variable} must be 1 (×100) or a factor of 2 or more; it is '{value}'.");
        }

        return factor == 1 ? 100 : factor;
    }
}
