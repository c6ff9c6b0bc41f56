using System.Globalization;

namespace PromiseJs.PropertyTests.Support;

/// <summary>What a promise looks like once the loop has run: its state and its value or reason, compared structurally.
/// Two sides of a law are "equivalent" when their observations are equal.</summary>
internal sealed record Observation(PromiseState State, string? Value, string? Reason)
{
    public static Observation Of<T>(Promise<T> promise) => promise.State switch
    {
        PromiseState.Fulfilled => Fulfilled(promise.Value),
        PromiseState.Rejected => Rejected(promise.Reason!),
        _ => new Observation(PromiseState.Pending, null, null),
    };

    public static Observation Fulfilled<T>(T value) => new(PromiseState.Fulfilled, Format(value), null);

    public static Observation Rejected(Exception reason) => new(PromiseState.Rejected, null, $"{reason.GetType().Name}: {reason.Message}");

    public override string ToString() => State switch
    {
        PromiseState.Fulfilled => $"fulfilled {Value}",
        PromiseState.Rejected => $"rejected {Reason}",
        _ => "pending",
    };

    private static string Format<T>(T value) => value switch
    {
        System.Collections.IEnumerable items and not string =>
            $"[{string.Join(", ", items.Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
