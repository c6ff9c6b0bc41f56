namespace PromiseJs.Context;

/// <summary>The entry an <c>async Promise</c> method puts on the flow's stack of current contexts: the method's promise
/// itself, so entering a method allocates no entry. The method's node is made on first need (see
/// <see cref="Internal.WorkPromise{T}"/>): a method that completes without suspending, and whose node nobody asked for,
/// never enters the tree.</summary>
internal interface IMethodFrame
{
    /// <summary>Gets the stack's head when the method was called: what the stack goes back to after it.</summary>
    object? CallerHead { get; }

    /// <summary>Gets the method's node, or <see langword="null"/> while it has not been made.</summary>
    PromiseContext? NodeIfMade { get; }

    /// <summary>Gets the method's node, making it (and linking it into the tree) on first need.</summary>
    PromiseContext Node { get; }
}
