namespace PromiseJs.Internal;

/// <summary>What the debugger shows when a <see cref="Promise"/> is expanded.</summary>
internal class PromiseDebugView(Promise promise)
{
    public PromiseState State => promise.State;

    public Exception? Reason => promise.Reason;

    // Whether the rejection reached a handler, an await or a wait; false also means it is (or will be) reported as unhandled.
    public bool? IsRejectionObserved => promise.IsRejected ? promise.IsObserved : null;

    // Handlers (and awaits, waits, combinators) attached and not yet run; none once the promise has settled.
    public int WaitingReactions => promise.WaitingReactionCount;
}
