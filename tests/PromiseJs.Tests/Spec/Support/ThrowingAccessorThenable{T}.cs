namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The nearest C# form of "an object with a throwing <c>then</c> accessor" (2.3.3.2): C# has no property lookup of
/// <c>then</c>, so this thenable's <c>Then</c> fetches its implementation from a property whose getter throws.
/// </summary>
internal sealed class ThrowingAccessorThenable<T> : IThenable<T>
{
    private readonly Exception _reason;

    public ThrowingAccessorThenable(Exception reason)
    {
        _reason = reason;
    }

    private Action<Action<T>, Action<Exception>> ThenImplementation => throw _reason;

    public void Then(Action<T> onFulfilled, Action<Exception> onRejected) => ThenImplementation(onFulfilled, onRejected);
}
