namespace PromiseJs;

/// <summary>A foreign promise-like object that <see cref="Promise"/> can adopt (Promises/A+ 2.3.3).</summary>
/// <typeparam name="T">The type of the value the thenable fulfills with.</typeparam>
public interface IThenable<out T>
{
    /// <summary>Registers the callbacks to call when the thenable settles; an adopting promise honours only the first call.</summary>
    /// <param name="onFulfilled">Called with the value when the thenable fulfills.</param>
    /// <param name="onRejected">Called with the reason when the thenable rejects.</param>
    void Then(Action<T> onFulfilled, Action<Exception> onRejected);
}
