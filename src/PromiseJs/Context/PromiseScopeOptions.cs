using PromiseJs.Scheduling;

namespace PromiseJs.Context;

/// <summary>Settings for a <see cref="PromiseScope"/>.</summary>
public sealed class PromiseScopeOptions
{
    /// <summary>Gets the name shown in diagnostics.</summary>
    public string? Name { get; init; }

    /// <summary>Gets what happens to children still running at the end of the scope (default: wait for them).</summary>
    public PromiseScopeExit Exit { get; init; } = PromiseScopeExit.WaitForChildren;

    /// <summary>Gets what happens when a child fails (default: cancel its siblings).</summary>
    public PromiseScopeErrors Errors { get; init; } = PromiseScopeErrors.CancelSiblings;

    /// <summary>Gets the start policy for children that leave theirs unset.</summary>
    public PromiseStart? ChildrenStart { get; init; }

    /// <summary>Gets where the scope's children run; <see langword="null"/> inherits.</summary>
    public PromiseScheduler? Scheduler { get; init; }

    /// <summary>Gets a token that cancels the scope and its children.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the clock diagnostics use; <see langword="null"/> inherits.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
