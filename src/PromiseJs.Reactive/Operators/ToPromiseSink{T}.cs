namespace PromiseJs.Reactive.Operators;

/// <summary>The sink of <c>observable.ToPromise()</c>: keeps the last value and settles when the source completes.</summary>
/// <typeparam name="T">The type of the values.</typeparam>
internal sealed class ToPromiseSink<T>(bool hasDefault, T defaultValue) : PromiseSink<T>(hasDefault, defaultValue)
{
    // Written by OnNext and read by OnCompleted, which Rx's observer contract never runs concurrently.
    private T _last = default!;
    private bool _hasValue;

    public override void OnNext(T value)
    {
        _last = value;
        _hasValue = true;
    }

    public override void OnCompleted() => Complete(_hasValue, _last);
}
