using PromiseJs.PropertyTests.Generators;

namespace PromiseJs.PropertyTests.Support;

/// <summary>Shrinkers for the parts of generated cases, so that a tuple of them shrinks part by part
/// (<c>c => [.. Shrinks.Of(c.Program).Select(p => c with { Program = p }), …]</c>).</summary>
internal static class Shrinks
{
    public static IEnumerable<PromiseProgram> Of(PromiseProgram program) => program.Shrink();

    public static IEnumerable<CompletionScript> Of(CompletionScript script) => script.Shrink();

    public static IEnumerable<SettleScript> Of(SettleScript script) => script.Shrink();

    /// <summary>The simplest functions: identity, then a constant.</summary>
    public static IEnumerable<IntFunction> Of(IntFunction function) => function switch
    {
        IntFunction.Add { K: 0 } => [],
        IntFunction.Constant => [new IntFunction.Add(0)],
        _ => [new IntFunction.Add(0), new IntFunction.Constant(0)],
    };

    /// <summary>A promise function that settles now, behaves, returns a promise, or maps more simply.</summary>
    public static IEnumerable<PromiseFunction> Of(PromiseFunction function)
    {
        if (function.When.Timing != SettleTiming.Now)
        {
            yield return function with { When = Later.Now };
        }

        if (function.Misbehaves)
        {
            yield return function with { Misbehaves = false };
        }

        if (function.Shape != ReturnShape.Promise)
        {
            yield return function with { Shape = ReturnShape.Promise, Misbehaves = false };
        }

        foreach (IntFunction map in Of(function.Map))
        {
            yield return function with { Map = map };
        }
    }

    /// <summary>A source settled now.</summary>
    public static IEnumerable<Settlement> Of(Settlement settlement) =>
        settlement.When.Timing == SettleTiming.Now ? [] : [settlement with { When = Later.Now }];

    /// <summary>A moment now.</summary>
    public static IEnumerable<Later> Of(Later later) => later.Timing == SettleTiming.Now ? [] : [Later.Now];
}
