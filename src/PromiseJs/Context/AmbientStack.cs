namespace PromiseJs.Context;

/// <summary>The flow's stack of current contexts, kept in one async-local: <see cref="PromiseContext.Current"/> is its head.</summary>
/// <remarks>The async-local holds <see langword="null"/> (no context), an <see cref="ActiveEntry"/>, or — the common case,
/// which allocates no entry — a <see cref="PromiseContext"/> itself, which stands for an entry whose previous value is that
/// node's parent (a work node entered where its parent was current, as every nested <c>async Promise</c> call is).</remarks>
internal static class AmbientStack
{
    private static readonly AsyncLocal<object?> s_active = new();

    // The raw head (null, a PromiseContext or an ActiveEntry): what a scope compares with and restores.
    public static object? Value
    {
        get => s_active.Value;
        set => s_active.Value = value;
    }

    public static PromiseContext? Current => ContextOf(s_active.Value);

    public static PromiseContext? ContextOf(object? value) => value is PromiseContext node ? node : (value as ActiveEntry)?.Context;

    public static object? PreviousOf(object? value) => value is PromiseContext node ? node.Parent : (value as ActiveEntry)?.Previous;

    // Makes node the head. Its parent being the head now (or both null) makes the previous value derivable: no entry then.
    public static void Push(PromiseContext node)
    {
        object? head = s_active.Value;
        s_active.Value = head == (object?)node.Parent ? node : new ActiveEntry(node, head);
    }

    // Whether node is anywhere on the stack.
    public static bool Contains(PromiseContext node)
    {
        for (object? value = s_active.Value; value is not null; value = PreviousOf(value))
        {
            if (ContextOf(value) == node)
            {
                return true;
            }
        }

        return false;
    }
}
