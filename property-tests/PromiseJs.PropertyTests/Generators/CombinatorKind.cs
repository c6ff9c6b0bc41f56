namespace PromiseJs.PropertyTests.Generators;

/// <summary>The combinators a tree node can apply to earlier nodes.</summary>
public enum CombinatorKind
{
    /// <summary><c>Promise.All</c>, folded to the sum of the values.</summary>
    All,

    /// <summary><c>Promise.AllSettled</c>, folded to the sum of the values plus 1000 × each rejection's code.</summary>
    AllSettled,

    /// <summary><c>Promise.Any</c>.</summary>
    Any,

    /// <summary><c>Promise.Race</c>.</summary>
    Race,

    /// <summary><c>Promise.Some(count)</c>, folded to the sum of the values.</summary>
    Some,
}
