namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The reason "an always-pending thenable": an exception that is also a thenable whose <c>Then</c> never calls back.
/// A rejection reason is never adopted, so a promise rejected with it must reject with this very object.
/// </summary>
public sealed class ThenableException : Exception, IThenable<object?>
{
    private int _thenCalls;

    public ThenableException()
        : base("an always-pending thenable")
    {
    }

    /// <summary>Gets how many times <c>Then</c> was called (the library has no business calling it).</summary>
    public int ThenCalls => Volatile.Read(ref _thenCalls);

    public void Then(Action<object?> onFulfilled, Action<Exception> onRejected) => Interlocked.Increment(ref _thenCalls);
}
