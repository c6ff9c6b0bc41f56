namespace PromiseJs.Context;

/// <summary>One entry of a flow's stack of current contexts, for a context whose previous entry is not derivable from it
/// (an explicit <see cref="PromiseContext.Enter"/>, or a node run under something other than its parent).</summary>
internal sealed class ActiveEntry(PromiseContext context, object? previous)
{
    public PromiseContext Context { get; } = context;

    // The value the stack had before this entry: null, a PromiseContext or an ActiveEntry (see AmbientStack).
    public object? Previous { get; } = previous;
}
