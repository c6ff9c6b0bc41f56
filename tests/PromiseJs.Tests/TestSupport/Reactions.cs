using System.Reflection;

namespace PromiseJs.Tests.TestSupport;

/// <summary>Reads how many reactions a pending promise holds (its private reaction storage), to check that combinators let go.</summary>
internal static class Reactions
{
    private static readonly FieldInfo s_field =
        typeof(Promise).GetField("_reactions", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Promise._reactions is gone; update this helper.");

    /// <summary>Gets the number of reactions attached to <paramref name="promise"/> and not yet dispatched.</summary>
    public static int CountOn(Promise promise) => s_field.GetValue(promise) switch
    {
        null => 0,
        System.Collections.ICollection list => list.Count,
        Promise => 1,
        _ => 0, // a sentinel: settled, dispatching, or lazy
    };
}
