namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// A hand-written foreign thenable: the counterpart of the suite's object literals
/// <c>{ then: function (resolvePromise, rejectPromise) { … } }</c>. It counts how often its <c>Then</c> was called.
/// </summary>
internal sealed class ScriptedThenable<T> : IThenable<T>
{
    private readonly Action<Action<T>, Action<Exception>> _then;
    private int _thenCalls;

    public ScriptedThenable(Action<Action<T>, Action<Exception>> then)
    {
        _then = then;
    }

    public int ThenCalls => Volatile.Read(ref _thenCalls);

    public void Then(Action<T> onFulfilled, Action<Exception> onRejected)
    {
        Interlocked.Increment(ref _thenCalls);
        _then(onFulfilled, onRejected);
    }
}
