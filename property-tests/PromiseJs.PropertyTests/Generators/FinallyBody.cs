namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated <c>Finally</c> callback of a tree node.</summary>
public abstract record FinallyBody
{
    private FinallyBody()
    {
    }

    /// <summary><c>Finally(() => { })</c>.</summary>
    public sealed record Returns : FinallyBody
    {
        /// <inheritdoc/>
        public override string ToString() => "() => { }";
    }

    /// <summary><c>Finally(() => throw law-Code)</c>.</summary>
    public sealed record Throws(int Code) : FinallyBody
    {
        /// <inheritdoc/>
        public override string ToString() => $"() => throw law-{Code}";
    }

    /// <summary><c>Finally(() => promise)</c> of a new promise that settles with <paramref name="Result"/> at <paramref name="When"/>.</summary>
    public sealed record ReturnsPromise(TreeValue Result, Moment When) : FinallyBody
    {
        /// <inheritdoc/>
        public override string ToString() => $"() => promise({Result} {When})";
    }
}
