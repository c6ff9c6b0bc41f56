namespace PromiseJs.TestSupport;

/// <summary>
/// A hand-written foreign thenable: the counterpart of the object literals
/// <c>{ then: function (resolvePromise, rejectPromise) { … } }</c> of JavaScript tests. Its <c>Then</c> runs a script with
/// the resolving functions it is given (the script may call them now, later, several times, or throw), and counts its calls.
/// </summary>
/// <typeparam name="T">The type of the value the thenable fulfills with.</typeparam>
/// <param name="script">What <c>Then</c> does with the adopting promise's resolving functions.</param>
public sealed class ScriptedThenable<T>(Action<Action<T>, Action<Exception>> script) : IThenable<T>
{
    private int _thenCalls;

    /// <summary>Gets how many times <c>Then</c> was called.</summary>
    public int ThenCalls => Volatile.Read(ref _thenCalls);

    /// <summary>Gets or sets an action run at the start of each <c>Then</c> call, before the script (to record when it happens).</summary>
    public Action? OnThen { get; set; }

    /// <summary>Counts the call, runs <see cref="OnThen"/>, then the script; an exception the script throws escapes to the caller.</summary>
    public void Then(Action<T> onFulfilled, Action<Exception> onRejected)
    {
        Interlocked.Increment(ref _thenCalls);
        OnThen?.Invoke();
        script(onFulfilled, onRejected);
    }
}
