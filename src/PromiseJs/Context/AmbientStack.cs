using PromiseJs.Scheduling;

namespace PromiseJs.Context;

/// <summary>The flow's stack of current contexts, kept in one async-local: <see cref="PromiseContext.Current"/> is its head.</summary>
/// <remarks>The async-local holds <see langword="null"/> (no context), an <see cref="ActiveEntry"/>, an
/// <see cref="IMethodFrame"/> (an <c>async Promise</c> method's promise: an entry whose previous value is the head it was
/// called under, and whose node may not have been made yet), or — which allocates no entry either — a
/// <see cref="PromiseContext"/> itself, which stands for an entry whose previous value is that node's parent (a work node
/// entered where its parent was current).</remarks>
internal static class AmbientStack
{
    private static readonly AsyncLocal<object?> s_active = new();

    // The raw head (null, a PromiseContext, an IMethodFrame or an ActiveEntry): what a scope compares with and restores.
    public static object? Value
    {
        get => s_active.Value;
        set => s_active.Value = value;
    }

    // Reading it makes the nodes of the methods on the stack that have none yet: whoever asks for the current context may
    // keep it, start children in it or cancel it, so it must be in the tree.
    public static PromiseContext? Current => ContextOf(s_active.Value);

    public static PromiseContext? ContextOf(object? value) => value switch
    {
        PromiseContext node => node,
        IMethodFrame frame => frame.Node,
        _ => (value as ActiveEntry)?.Context,
    };

    public static object? PreviousOf(object? value) => value switch
    {
        PromiseContext node => node.Parent,
        IMethodFrame frame => frame.CallerHead,
        _ => (value as ActiveEntry)?.Previous,
    };

    // The scheduler of the current context without making any node: a method's node, made or not, has its caller's.
    public static PromiseScheduler? CurrentScheduler => NearestMadeContext(s_active.Value)?.Scheduler;

    // Whether the context of head is cancelled, without making any node: a method without a node is not in the tree, so it
    // is cancelled exactly when the nearest context that is (its caller's, or theirs) is.
    public static bool IsCancelled(object? head) => NearestMadeContext(head)?.IsCancellationRequested ?? false;

    // Whether the context of head is a scope (never true of a method's node, made or not: it is never made here).
    public static bool IsScope(object? head) => head is not IMethodFrame && ContextOf(head) is { IsScope: true };

    // Makes node the head. Its parent being the head now (or both null) makes the previous value derivable: no entry then.
    public static void Push(PromiseContext node)
    {
        object? head = s_active.Value;
        s_active.Value = head == (object?)node.Parent ? node : new ActiveEntry(node, head);
    }

    // Whether node is anywhere on the stack (without making any method's node: one not made yet is not node).
    public static bool Contains(PromiseContext node)
    {
        for (object? value = s_active.Value; value is not null; value = PreviousOf(value))
        {
            PromiseContext? context = value is IMethodFrame frame ? frame.NodeIfMade : ContextOf(value);
            if (context == node)
            {
                return true;
            }
        }

        return false;
    }

    private static PromiseContext? NearestMadeContext(object? head)
    {
        while (head is IMethodFrame frame)
        {
            if (frame.NodeIfMade is { } node)
            {
                return node;
            }

            head = frame.CallerHead;
        }

        return ContextOf(head);
    }
}
