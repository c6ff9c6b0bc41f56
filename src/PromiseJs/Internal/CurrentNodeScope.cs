using PromiseJs.Context;

namespace PromiseJs.Internal;

/// <summary>
/// Runs a node's code as current — the one way the library does it (a work function, an <c>async Promise</c> method's start
/// and each of its resumptions): entering switches to the <see cref="ExecutionContext"/> the code belongs to when it differs
/// from the thread's, then makes the node current; disposing puts the thread's <see cref="ExecutionContext"/> and
/// <see cref="SynchronizationContext"/> back as they were (as <c>ExecutionContext.Run</c> does, without its callback and
/// without any work when nothing changed).
/// </summary>
internal readonly ref struct CurrentNodeScope
{
    // The thread's ExecutionContext before entering; null when its flow was suppressed, which no public API can restore:
    // then only the stack's head is put back (_outerHead).
    private readonly ExecutionContext? _outer;
    private readonly object? _outerHead;
    private readonly SynchronizationContext? _outerSynchronizationContext;

    private CurrentNodeScope(ExecutionContext? outer, object? outerHead, SynchronizationContext? outerSynchronizationContext)
    {
        _outer = outer;
        _outerHead = outerHead;
        _outerSynchronizationContext = outerSynchronizationContext;
    }

    /// <summary>Whether code that belongs to <paramref name="runIn"/> must run through <see cref="ExecutionContext.Run"/>
    /// instead of a scope: the thread's flow is suppressed, and only <c>Run</c> can put a suppressed flow back afterwards.
    /// Rare (code that suppressed flow and then drives a loop or runs work inline); check it before <see cref="Enter(ExecutionContext, PromiseContext)"/>.</summary>
    public static bool NeedsRun(ExecutionContext? runIn) => runIn is not null && ExecutionContext.IsFlowSuppressed();

    /// <summary>Switches to <paramref name="runIn"/> (unless it is null or already the thread's), then makes
    /// <paramref name="node"/> current (unless it is null: <paramref name="runIn"/> already carries it). With a non-null
    /// <paramref name="runIn"/>, callers check <see cref="NeedsRun"/> first.</summary>
    public static CurrentNodeScope Enter(ExecutionContext? runIn, PromiseContext? node)
    {
        CurrentNodeScope scope = Capture(out ExecutionContext? outer);
        if (runIn is not null && runIn != outer)
        {
            ExecutionContext.Restore(runIn);
        }

        if (node is not null)
        {
            AmbientStack.Push(node);
        }

        return scope;
    }

    /// <summary>Makes an <c>async Promise</c> method's promise the flow's head (its entry on the stack: see
    /// <see cref="IMethodFrame"/>) for the method's start.</summary>
    public static CurrentNodeScope Enter(IMethodFrame method)
    {
        CurrentNodeScope scope = Capture(out _);
        AmbientStack.Value = method;
        return scope;
    }

    // What Dispose puts back: the thread's ExecutionContext (or, when its flow is suppressed, the stack's head) and
    // SynchronizationContext as they are now.
    private static CurrentNodeScope Capture(out ExecutionContext? outer)
    {
        outer = ExecutionContext.Capture();
        return new CurrentNodeScope(outer, outer is null ? AmbientStack.Value : null, SynchronizationContext.Current);
    }

    public void Dispose()
    {
        if (_outer is null)
        {
            AmbientStack.Value = _outerHead;
        }
        else
        {
            // Restore itself does nothing when the thread's context is _outer already (one thread-static read, not two).
            ExecutionContext.Restore(_outer);
        }

        if (SynchronizationContext.Current != _outerSynchronizationContext)
        {
            SynchronizationContext.SetSynchronizationContext(_outerSynchronizationContext);
        }
    }
}
