namespace PromiseJs;

/// <summary>A pending promise of no value together with the functions that settle it.</summary>
public sealed class PromiseWithResolvers
{
    internal PromiseWithResolvers(Promise<Internal.VoidResult> promise)
    {
        Promise = promise;
        Resolve = () => promise.TryFulfill(default);
        Reject = reason =>
        {
            ArgumentNullException.ThrowIfNull(reason);
            promise.TryReject(System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(reason));
        };
    }

    /// <summary>Gets the promise.</summary>
    public Promise Promise { get; }

    /// <summary>Gets the function that fulfills the promise; only the first call of it or <see cref="Reject"/> counts.</summary>
    public Action Resolve { get; }

    /// <summary>Gets the function that rejects the promise; only the first call of it or <see cref="Resolve"/> counts.</summary>
    public Action<Exception> Reject { get; }
}
