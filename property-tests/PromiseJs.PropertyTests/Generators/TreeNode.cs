using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>One promise of a generated <see cref="TreeProgram"/>; nodes refer to earlier nodes by index, so one node can
/// have many consumers (a tree, or a graph without cycles).</summary>
public abstract record TreeNode
{
    private TreeNode()
    {
    }

    /// <summary>Gets the earlier nodes this one consumes.</summary>
    public abstract IEnumerable<int> Inputs { get; }

    /// <summary>A source: <c>Promise.Resolve</c>/<c>Reject</c> (now), <c>new Promise</c> (executor), or
    /// <c>WithResolvers</c> settled after jobs or a timer.</summary>
    public sealed record Source(TreeValue Result, Moment When) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => [];

        /// <inheritdoc/>
        public override string ToString() => $"source({Result} {When})";
    }

    /// <summary><c>nParent.Then(onFulfilled)</c> or <c>nParent.Then(onFulfilled, onRejected)</c> (both of one shape).</summary>
    public sealed record Then(int Parent, TreeHandler OnFulfilled, TreeHandler? OnRejected) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => [Parent, .. Referenced(OnFulfilled), .. Referenced(OnRejected)];

        /// <inheritdoc/>
        public override string ToString() =>
            OnRejected is null ? $"n{Parent}.Then({OnFulfilled})" : $"n{Parent}.Then({OnFulfilled}, code => {OnRejected})";
    }

    /// <summary><c>nParent.Catch(onRejected)</c>; the handler gets the reason's code.</summary>
    public sealed record Catch(int Parent, TreeHandler OnRejected) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => [Parent, .. Referenced(OnRejected)];

        /// <inheritdoc/>
        public override string ToString() => $"n{Parent}.Catch(code => {OnRejected})";
    }

    /// <summary><c>nParent.Finally(callback)</c>.</summary>
    public sealed record Finally(int Parent, FinallyBody Body) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => [Parent];

        /// <inheritdoc/>
        public override string ToString() => $"n{Parent}.Finally({Body})";
    }

    /// <summary>An <c>async Promise&lt;int&gt;</c> method: <c>return F(await nParent);</c>.</summary>
    public sealed record Await(int Parent, IntFunction F) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => [Parent];

        /// <inheritdoc/>
        public override string ToString() => $"async {{ x = await n{Parent}; return ({F})(x); }}";
    }

    /// <summary><c>Promise.Run(() => nParent.Then(F))</c>: a node of the promise tree whose function returns a promise,
    /// called at once and adopted (as a JavaScript async function returning a promise).</summary>
    public sealed record Run(int Parent, IntFunction F) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => [Parent];

        /// <inheritdoc/>
        public override string ToString() => $"Promise.Run(() => n{Parent}.Then({F}))";
    }

    /// <summary>A combinator over earlier nodes, with a fold handler (<c>.Then(values => …)</c>) that makes it an int.</summary>
    public sealed record Combine(CombinatorKind Kind, ImmutableArray<int> Of, int Count) : TreeNode
    {
        /// <inheritdoc/>
        public override IEnumerable<int> Inputs => Of;

        /// <inheritdoc/>
        public override string ToString() =>
            $"{Kind}([{string.Join(", ", Of.Select(i => $"n{i}"))}]{(Kind == CombinatorKind.Some ? $", {Count}" : "")})";
    }

    private static IEnumerable<int> Referenced(TreeHandler? handler) =>
        handler is TreeHandler.ReturnNode node ? [node.Node] : [];
}
