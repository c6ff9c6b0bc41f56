namespace PromiseJs;

/// <summary>Describes a rejected promise that nobody handled, or that got a handler after it was reported.</summary>
public sealed class UnhandledRejectionEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="promise">The rejected promise.</param>
    /// <param name="reason">The exception it rejected with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    public UnhandledRejectionEventArgs(Promise promise, Exception reason)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentNullException.ThrowIfNull(reason);
        Promise = promise;
        Reason = reason;
    }

    /// <summary>Gets the rejected promise.</summary>
    public Promise Promise { get; }

    /// <summary>Gets the reason it rejected with.</summary>
    public Exception Reason { get; }
}
