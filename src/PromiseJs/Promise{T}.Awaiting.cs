using PromiseJs.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Gets an awaiter, so the promise can be awaited for its value; a rejection is rethrown as the original exception.</summary>
    /// <returns>An awaiter for this promise; <c>await</c> returns its value when it fulfills, and throws its reason if
    /// it rejected.</returns>
    /// <remarks>Inside <see cref="PromiseLoop"/>, <c>await</c> always yields once, even for a settled promise, as JavaScript does.</remarks>
    public new PromiseAwaiter<T> GetAwaiter() => new(this, continueOnCapturedContext: true);

    /// <summary>Configures how an <c>await</c> of this promise resumes.</summary>
    /// <param name="continueOnCapturedContext"><see langword="true"/> to resume on the captured context (the loop, or the
    /// current <see cref="SynchronizationContext"/>); <see langword="false"/> to resume on the thread pool.</param>
    /// <returns>An awaitable whose <c>await</c> returns this promise's value and resumes as
    /// <paramref name="continueOnCapturedContext"/> says.</returns>
    public new ConfiguredPromiseAwaitable<T> ConfigureAwait(bool continueOnCapturedContext) => new(this, continueOnCapturedContext);

    /// <summary>Blocks until the promise settles and returns its value, or rethrows the rejection reason with its original stack trace.</summary>
    /// <returns>The value this promise fulfilled with.</returns>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending:
    /// the loop could never run the work that settles it.</exception>
    public new T Wait() => Wait(Timeout.InfiniteTimeSpan, CancellationToken.None);

    /// <summary>Blocks until the promise settles or <paramref name="timeout"/> passes; returns the value or rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <returns>The value this promise fulfilled with.</returns>
    /// <exception cref="TimeoutException">The promise did not settle in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending.</exception>
    public new T Wait(TimeSpan timeout) => Wait(timeout, CancellationToken.None);

    /// <summary>Blocks until the promise settles, <paramref name="timeout"/> passes or the wait is cancelled; returns the value
    /// or rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <param name="cancellationToken">Stops the wait (not the promise) with an
    /// <see cref="OperationCanceledException"/>.</param>
    /// <returns>The value this promise fulfilled with.</returns>
    /// <exception cref="TimeoutException">The promise did not settle in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending.</exception>
    public new T Wait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        WaitForSettlement(timeout, cancellationToken);
        ThrowIfRejected();
        return _value;
    }

    /// <summary>Returns a task that completes as this promise settles: with its value, cancelled for an
    /// <see cref="OperationCanceledException"/> reason, faulted for any other reason.</summary>
    /// <returns>A task that completes with this promise's value when it fulfills (already completed if it has), is
    /// cancelled when it rejects with an <see cref="OperationCanceledException"/>, and is faulted with the reason when
    /// it rejects with any other exception.</returns>
    public new Task<T> ToTask()
    {
        if (IsFulfilled)
        {
            return Task.FromResult(_value);
        }

        var reaction = new TaskReaction<T>();
        AddReaction(reaction);
        return reaction.Task;
    }
}
