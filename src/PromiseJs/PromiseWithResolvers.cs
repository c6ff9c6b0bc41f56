namespace PromiseJs;

/// <summary>A pending promise of no value together with the functions that settle it.</summary>
public sealed class PromiseWithResolvers
{
    // Created on first use, bound straight to the promise: a caller that only resolves pays for one delegate.
    private Action? _resolve;
    private Action<Exception>? _reject;

    internal PromiseWithResolvers(Promise promise) => Promise = promise;

    /// <summary>Gets the promise.</summary>
    public Promise Promise { get; }

    /// <summary>Gets the function that fulfills the promise; only the first call of it or <see cref="Reject"/> counts.</summary>
    public Action Resolve => _resolve ??= Promise.ResolveFromExecutor;

    /// <summary>Gets the function that rejects the promise (a <see langword="null"/> reason throws
    /// <see cref="ArgumentNullException"/>); only the first call of it or <see cref="Resolve"/> counts.</summary>
    public Action<Exception> Reject => _reject ??= Promise.RejectFromExecutor;
}
