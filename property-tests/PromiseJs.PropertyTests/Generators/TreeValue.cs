namespace PromiseJs.PropertyTests.Generators;

/// <summary>What a generated source (or a value a handler settles with) is: fulfilled with a value, or rejected with a
/// <see cref="LawException"/> of a code.</summary>
public abstract record TreeValue
{
    private TreeValue()
    {
    }

    /// <summary>A fulfillment with <paramref name="Value"/>.</summary>
    public sealed record Fulfilled(int Value) : TreeValue
    {
        /// <inheritdoc/>
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A rejection with <c>new LawException(Code)</c>.</summary>
    public sealed record Rejected(int Code) : TreeValue
    {
        /// <inheritdoc/>
        public override string ToString() => $"law-{Code}";
    }
}
