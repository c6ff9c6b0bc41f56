namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated handler of a <c>Then</c> or <c>Catch</c> node: it gets the value (or the code of the reason) and
/// returns a value, throws, or returns a promise, a thenable or a task.</summary>
public abstract record TreeHandler
{
    private TreeHandler()
    {
    }

    /// <summary>Gets the overload family the handler needs.</summary>
    public abstract HandlerShape Shape { get; }

    /// <summary>Returns <c>F(x)</c>; throws when F does.</summary>
    public sealed record Value(IntFunction F) : TreeHandler
    {
        /// <inheritdoc/>
        public override HandlerShape Shape => HandlerShape.Value;

        /// <inheritdoc/>
        public override string ToString() => F.ToString();
    }

    /// <summary>Returns the promise of an earlier node (pending or settled): the derived promise adopts it.</summary>
    public sealed record ReturnNode(int Node) : TreeHandler
    {
        /// <inheritdoc/>
        public override HandlerShape Shape => HandlerShape.Promise;

        /// <inheritdoc/>
        public override string ToString() => $"x => n{Node}";
    }

    /// <summary>Returns a new promise, made inside the handler, that settles with <paramref name="Result"/> at <paramref name="When"/>.</summary>
    public sealed record ReturnFresh(TreeValue Result, Moment When) : TreeHandler
    {
        /// <inheritdoc/>
        public override HandlerShape Shape => HandlerShape.Promise;

        /// <inheritdoc/>
        public override string ToString() => $"x => promise({Result} {When})";
    }

    /// <summary>Returns the very promise its <c>Then</c> created: it rejects with <see cref="InvalidOperationException"/> (A+ 2.3.1).</summary>
    public sealed record ReturnSelf : TreeHandler
    {
        /// <inheritdoc/>
        public override HandlerShape Shape => HandlerShape.Promise;

        /// <inheritdoc/>
        public override string ToString() => "x => itself";
    }

    /// <summary>Returns a foreign thenable that calls back with <paramref name="Result"/> at <paramref name="When"/>; when it
    /// <paramref name="Misbehaves"/>, it then calls both callbacks again (and throws, when it called back inside <c>Then</c>).</summary>
    public sealed record ReturnThenable(TreeValue Result, Moment When, bool Misbehaves) : TreeHandler
    {
        /// <inheritdoc/>
        public override HandlerShape Shape => HandlerShape.Thenable;

        /// <inheritdoc/>
        public override string ToString() => $"x => thenable({Result} {When}{(Misbehaves ? ", misbehaving" : "")})";
    }

    /// <summary>Returns a task that completes with <paramref name="Result"/> at <paramref name="When"/>.</summary>
    public sealed record ReturnTask(TreeValue Result, Moment When) : TreeHandler
    {
        /// <inheritdoc/>
        public override HandlerShape Shape => HandlerShape.Task;

        /// <inheritdoc/>
        public override string ToString() => $"x => task({Result} {When})";
    }
}
