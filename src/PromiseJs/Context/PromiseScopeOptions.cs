using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Context;

/// <summary>Settings for a <see cref="PromiseScope"/>.</summary>
public sealed class PromiseScopeOptions
{
    private readonly PromiseScopeExit _exit = PromiseScopeExit.WaitForChildren;
    private readonly PromiseScopeErrors _errors = PromiseScopeErrors.CancelSiblings;
    private readonly PromiseStart? _childrenStart;

    /// <summary>Gets the name shown in diagnostics.</summary>
    public string? Name { get; init; }

    /// <summary>Gets what happens to children still running at the end of the scope (default: wait for them).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="PromiseScopeExit"/>.</exception>
    public PromiseScopeExit Exit { get => _exit; init => _exit = EnumChecks.Defined(value, nameof(value)); }

    /// <summary>Gets what happens when a child fails (default: cancel its siblings).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="PromiseScopeErrors"/>.</exception>
    public PromiseScopeErrors Errors { get => _errors; init => _errors = EnumChecks.Defined(value, nameof(value)); }

    /// <summary>Gets the start policy for children that leave theirs unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="PromiseStart"/>.</exception>
    public PromiseStart? ChildrenStart { get => _childrenStart; init => _childrenStart = EnumChecks.Defined(value, nameof(value)); }

    /// <summary>Gets where the scope's children run; <see langword="null"/> inherits.</summary>
    public PromiseScheduler? Scheduler { get; init; }

    /// <summary>Gets a token that cancels the scope and its children.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the clock diagnostics use; <see langword="null"/> inherits.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
