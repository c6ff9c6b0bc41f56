namespace PromiseJs.Context;

/// <summary>When a node's work begins. A setting left unset (<see langword="null"/>) takes the parent's
/// <see cref="PromiseContextOptions.ChildrenStart"/>, else the global <see cref="PromiseContext.DefaultStart"/>; every
/// setting is resolved to <see cref="Eager"/> or <see cref="Lazy"/> when the node is created, and frozen.</summary>
public enum PromiseStart
{
    /// <summary>Read the global default (<see cref="PromiseContext.DefaultStart"/>) as it is when the node is created.</summary>
    Default,

    /// <summary>Take the parent's own (resolved) policy; the global default for a node without a parent.</summary>
    Inherit,

    /// <summary>Begin the work at once, as a JavaScript promise does.</summary>
    Eager,

    /// <summary>Begin the work on the first <c>Then</c>, <c>await</c> or blocking wait.</summary>
    Lazy,
}
