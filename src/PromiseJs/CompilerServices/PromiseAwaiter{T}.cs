using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PromiseJs.CompilerServices;

/// <summary>Awaits a <see cref="Promise{T}"/>; returned by <see cref="Promise{T}.GetAwaiter"/>. Not meant to be used directly.</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public readonly struct PromiseAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly Promise<T> _promise;
    // Which of ConfigureAwaitOptions apply (validated by ConfigureAwait).
    private readonly ConfigureAwaitOptions _options;

    internal PromiseAwaiter(Promise<T> promise, ConfigureAwaitOptions options)
    {
        _promise = promise;
        _options = options;
    }

    /// <inheritdoc cref="PromiseAwaiter.IsCompleted"/>
    public bool IsCompleted => _promise.IsCompletedForAwait(_options);

    /// <summary>Ends the await: returns the value, or rethrows the rejection reason with its original stack trace.</summary>
    [StackTraceHidden]
    public T GetResult()
    {
        _promise.GetResultForAwait(_options);
        return _promise._value;
    }

    /// <inheritdoc cref="PromiseAwaiter.OnCompleted"/>
    public void OnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _options, flowExecutionContext: true);

    /// <inheritdoc cref="PromiseAwaiter.UnsafeOnCompleted"/>
    public void UnsafeOnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _options, flowExecutionContext: false);
}
