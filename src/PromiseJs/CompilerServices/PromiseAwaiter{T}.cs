using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PromiseJs.CompilerServices;

/// <summary>Awaits a <see cref="Promise{T}"/>; returned by <see cref="Promise{T}.GetAwaiter"/>. Not meant to be used directly.</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public readonly struct PromiseAwaiter<T> : ICriticalNotifyCompletion, IPromiseAwaiter
{
    private readonly Promise<T> _promise;
    // Which of ConfigureAwaitOptions apply (validated by ConfigureAwait).
    private readonly ConfigureAwaitOptions _options;

    internal PromiseAwaiter(Promise<T> promise, ConfigureAwaitOptions options)
    {
        _promise = promise;
        _options = options;
    }

    Promise IPromiseAwaiter.AwaitedPromise => _promise;

    ConfigureAwaitOptions IPromiseAwaiter.AwaitOptions => _options;

    /// <summary>Gets whether the awaiting code can go on without suspending.</summary>
    /// <remarks>Inside <see cref="PromiseLoop"/> this is always <see langword="false"/> (unless the await was configured
    /// with <c>ConfigureAwait(false)</c>): as in JavaScript, <c>await</c> always yields to the microtask queue, even for a
    /// settled promise. Elsewhere it is <see langword="true"/> once the promise has settled, as for a task. With
    /// <see cref="ConfigureAwaitOptions.ForceYielding"/> it is always <see langword="false"/>.</remarks>
    public bool IsCompleted => _promise.IsCompletedForAwait(_options);

    /// <summary>Ends the await: returns the value, or rethrows the rejection reason with its original stack trace.</summary>
    /// <returns>The value the promise fulfilled with.</returns>
    [StackTraceHidden]
    public T GetResult()
    {
        _promise.GetResultForAwait(_options);
        return _promise._value;
    }

    /// <summary>Schedules the continuation to run when the promise settles, flowing the
    /// <see cref="ExecutionContext"/>.</summary>
    /// <param name="continuation">The rest of the awaiting method; called once, after the promise settles, on the
    /// captured context (the loop, or the current <see cref="SynchronizationContext"/>) unless
    /// <c>ConfigureAwait</c> said otherwise.</param>
    public void OnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _options, flowExecutionContext: true);

    /// <summary>Schedules the continuation to run when the promise settles, without flowing the
    /// <see cref="ExecutionContext"/>.</summary>
    /// <param name="continuation">The rest of the awaiting method; called once, after the promise settles, on the
    /// captured context (the loop, or the current <see cref="SynchronizationContext"/>) unless
    /// <c>ConfigureAwait</c> said otherwise.</param>
    public void UnsafeOnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _options, flowExecutionContext: false);
}
