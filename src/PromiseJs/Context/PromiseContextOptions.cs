using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Context;

/// <summary>Settings for a new <see cref="PromiseContext"/> (or the node of <c>Promise.Run</c>). Every setting left
/// <see langword="null"/> is inherited from the parent; all are resolved when the node is created and never change after.</summary>
public sealed class PromiseContextOptions
{
    private readonly PromiseStart? _start;
    private readonly PromiseStart? _childrenStart;
    private readonly PromiseContext? _parent;
    private readonly bool _orphan;

    /// <summary>Gets the name shown in diagnostics.</summary>
    public string? Name { get; init; }

    /// <summary>Gets when the node's work begins; <see langword="null"/> takes the parent's <see cref="ChildrenStart"/>, else
    /// the global default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="PromiseStart"/>.</exception>
    public PromiseStart? Start { get => _start; init => _start = EnumChecks.Defined(value, nameof(value)); }

    /// <summary>Gets the start policy for children of this node that leave theirs unset; <see langword="null"/> passes the
    /// parent's on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="PromiseStart"/>.</exception>
    public PromiseStart? ChildrenStart { get => _childrenStart; init => _childrenStart = EnumChecks.Defined(value, nameof(value)); }

    /// <summary>Gets where the node's handlers and work run; <see langword="null"/> inherits the parent's, and a node without
    /// a parent takes the ambient one (the running <see cref="PromiseLoop"/>, the current
    /// <see cref="SynchronizationContext"/>, else the thread pool).</summary>
    public PromiseScheduler? Scheduler { get; init; }

    /// <summary>Gets the parent to use instead of <see cref="PromiseContext.Current"/>.</summary>
    /// <exception cref="ArgumentException">A parent is set while <see cref="Orphan"/> is <see langword="true"/>.</exception>
    public PromiseContext? Parent
    {
        get => _parent;
        init
        {
            ThrowIfContradictory(value, _orphan, nameof(value));
            _parent = value;
        }
    }

    /// <summary>Gets whether the node has no parent at all, whatever is current.</summary>
    /// <exception cref="ArgumentException">Set to <see langword="true"/> while a <see cref="Parent"/> is set.</exception>
    public bool Orphan
    {
        get => _orphan;
        init
        {
            ThrowIfContradictory(_parent, value, nameof(value));
            _orphan = value;
        }
    }

    /// <summary>Gets a token that cancels the node (and its descendants) as <see cref="PromiseContext.Cancel"/> does.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the clock diagnostics measure pending time with; <see langword="null"/> inherits, else the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    private static void ThrowIfContradictory(PromiseContext? parent, bool orphan, string paramName)
    {
        if (parent is not null && orphan)
        {
            throw new ArgumentException(
                "Parent and Orphan = true contradict each other: an orphan has no parent. Set Parent to choose the parent, or " +
                "Orphan to have none.", paramName);
        }
    }
}
