namespace PromiseJs.Tests.TestSupport;

/// <summary>A foreign thenable whose <c>Then</c> runs a script with the resolving functions it is given, and counts its calls.</summary>
internal sealed class ScriptedThenable<T>(Action<Action<T>, Action<Exception>> script) : IThenable<T>
{
    private int _thenCalls;

    /// <summary>Gets how many times <c>Then</c> was called.</summary>
    public int ThenCalls => Volatile.Read(ref _thenCalls);

    /// <summary>Gets or sets an action run at the start of each <c>Then</c> call (to record when it happens).</summary>
    public Action? OnThen { get; set; }

    public void Then(Action<T> onFulfilled, Action<Exception> onRejected)
    {
        Interlocked.Increment(ref _thenCalls);
        OnThen?.Invoke();
        script(onFulfilled, onRejected);
    }
}
