using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PromiseJs.CompilerServices;

/// <summary>Awaits a <see cref="Promise{T}"/>; returned by <see cref="Promise{T}.GetAwaiter"/>. Not meant to be used directly.</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public readonly struct PromiseAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly Promise<T> _promise;
    private readonly bool _continueOnCapturedContext;

    internal PromiseAwaiter(Promise<T> promise, bool continueOnCapturedContext)
    {
        _promise = promise;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <inheritdoc cref="PromiseAwaiter.IsCompleted"/>
    public bool IsCompleted => _promise.IsCompletedForAwait(_continueOnCapturedContext);

    /// <summary>Ends the await: returns the value, or rethrows the rejection reason with its original stack trace.</summary>
    [StackTraceHidden]
    public T GetResult()
    {
        _promise.GetResultForAwait();
        return _promise._value;
    }

    /// <inheritdoc cref="PromiseAwaiter.OnCompleted"/>
    public void OnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _continueOnCapturedContext, flowExecutionContext: true);

    /// <inheritdoc cref="PromiseAwaiter.UnsafeOnCompleted"/>
    public void UnsafeOnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _continueOnCapturedContext, flowExecutionContext: false);
}
