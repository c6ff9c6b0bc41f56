namespace PromiseJs;

/// <summary>A pending promise together with the functions that settle it (JavaScript's <c>Promise.withResolvers()</c>).</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public sealed class PromiseWithResolvers<T>
{
    internal PromiseWithResolvers(Promise<T> promise)
    {
        Promise = promise;
        Resolve = value => promise.TryFulfill(value);
        Reject = reason =>
        {
            ArgumentNullException.ThrowIfNull(reason);
            promise.TryReject(System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(reason));
        };
    }

    /// <summary>Gets the promise.</summary>
    public Promise<T> Promise { get; }

    /// <summary>Gets the function that fulfills the promise; only the first call of it or <see cref="Reject"/> counts.</summary>
    public Action<T> Resolve { get; }

    /// <summary>Gets the function that rejects the promise; only the first call of it or <see cref="Resolve"/> counts.</summary>
    public Action<Exception> Reject { get; }
}
