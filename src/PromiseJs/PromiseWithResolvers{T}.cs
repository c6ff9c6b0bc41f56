namespace PromiseJs;

/// <summary>A pending promise together with the functions that settle it (JavaScript's <c>Promise.withResolvers()</c>).</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public sealed class PromiseWithResolvers<T>
{
    // Created on first use, bound straight to the promise: a caller that only resolves pays for one delegate.
    private Action<T>? _resolve;
    private Action<Exception>? _reject;

    internal PromiseWithResolvers(Promise<T> promise) => Promise = promise;

    /// <summary>Gets the promise.</summary>
    public Promise<T> Promise { get; }

    /// <summary>Gets the function that fulfills the promise; only the first call of it or <see cref="Reject"/> counts.</summary>
    public Action<T> Resolve => _resolve ??= Promise.ResolveFromExecutor;

    /// <summary>Gets the function that rejects the promise (a <see langword="null"/> reason throws
    /// <see cref="ArgumentNullException"/>); only the first call of it or <see cref="Resolve"/> counts.</summary>
    public Action<Exception> Reject => _reject ??= Promise.RejectFromExecutor;
}
