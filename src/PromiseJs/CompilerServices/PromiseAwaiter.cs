using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PromiseJs.CompilerServices;

/// <summary>Awaits a <see cref="Promise"/>; returned by <see cref="Promise.GetAwaiter"/>. Not meant to be used directly.</summary>
public readonly struct PromiseAwaiter : ICriticalNotifyCompletion, IPromiseAwaiter
{
    private readonly Promise _promise;
    // Which of ConfigureAwaitOptions apply (validated by ConfigureAwait).
    private readonly ConfigureAwaitOptions _options;

    internal PromiseAwaiter(Promise promise, ConfigureAwaitOptions options)
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

    /// <summary>Ends the await: returns, or rethrows the rejection reason with its original stack trace (unless the await was
    /// configured with <see cref="ConfigureAwaitOptions.SuppressThrowing"/>).</summary>
    [StackTraceHidden]
    public void GetResult() => _promise.GetResultForAwait(_options);

    /// <summary>Schedules the continuation to run when the promise settles, flowing the <see cref="ExecutionContext"/>.</summary>
    /// <param name="continuation">The rest of the awaiting method; called once, after the promise settles, on the
    /// captured context (the loop, or the current <see cref="SynchronizationContext"/>) unless
    /// <c>ConfigureAwait</c> said otherwise.</param>
    public void OnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _options, flowExecutionContext: true);

    /// <summary>Schedules the continuation to run when the promise settles, without flowing the <see cref="ExecutionContext"/>.</summary>
    /// <param name="continuation">The rest of the awaiting method; called once, after the promise settles, on the
    /// captured context (the loop, or the current <see cref="SynchronizationContext"/>) unless
    /// <c>ConfigureAwait</c> said otherwise.</param>
    public void UnsafeOnCompleted(Action continuation) => _promise.AwaitOnCompleted(continuation, _options, flowExecutionContext: false);
}
