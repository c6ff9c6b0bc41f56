using System.Diagnostics.CodeAnalysis;
using PromiseJs.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Gets an awaiter, so the promise can be awaited for its value; a rejection is rethrown as the original exception.</summary>
    /// <returns>An awaiter for this promise; <c>await</c> returns its value when it fulfills, and throws its reason if
    /// it rejected.</returns>
    /// <remarks>Inside <see cref="PromiseLoop"/>, <c>await</c> always yields once, even for a settled promise, as JavaScript does.</remarks>
    public new PromiseAwaiter<T> GetAwaiter() => new(this, ConfigureAwaitOptions.ContinueOnCapturedContext);

    /// <summary>Configures how an <c>await</c> of this promise resumes.</summary>
    /// <param name="continueOnCapturedContext"><see langword="true"/> to resume on the captured context (the loop, or the
    /// current <see cref="SynchronizationContext"/>); <see langword="false"/> to resume on the thread pool.</param>
    /// <returns>An awaitable whose <c>await</c> returns this promise's value and resumes as
    /// <paramref name="continueOnCapturedContext"/> says.</returns>
    public new ConfiguredPromiseAwaitable<T> ConfigureAwait(bool continueOnCapturedContext) =>
        new(this, continueOnCapturedContext ? ConfigureAwaitOptions.ContinueOnCapturedContext : ConfigureAwaitOptions.None);

    /// <summary>Configures how an <c>await</c> of this promise resumes, as <see cref="Task{TResult}.ConfigureAwait(ConfigureAwaitOptions)"/> does.</summary>
    /// <param name="options"><see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/> resumes on the captured context
    /// (the loop, or the current <see cref="SynchronizationContext"/>), otherwise on the thread pool;
    /// <see cref="ConfigureAwaitOptions.ForceYielding"/> suspends even when the promise has already settled.</param>
    /// <returns>An awaitable of the promise with those options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds
    /// <see cref="ConfigureAwaitOptions.SuppressThrowing"/> (as for <see cref="Task{TResult}"/>, an await of a value cannot
    /// swallow the rejection) or a flag that is not defined.</exception>
    public new ConfiguredPromiseAwaitable<T> ConfigureAwait(ConfigureAwaitOptions options)
    {
        if ((options & ConfigureAwaitOptions.SuppressThrowing) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options,
                "SuppressThrowing is not supported for a Promise<T>: the await would have no value to return. Await the " +
                "promise as a value-less Promise ((Promise)promise).ConfigureAwait(...) to ignore its rejection.");
        }

        CheckAwaitOptions(options);
        return new(this, options);
    }

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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending.</exception>
    public new T Wait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        WaitForSettlement(timeout, cancellationToken);
        ThrowIfRejected();
        return _value;
    }

    /// <summary>Blocks until the promise settles or <paramref name="timeout"/> passes; gives the value, or rethrows the
    /// rejection reason.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> only looks (and never blocks, also on a loop
    /// thread); <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="value">The value when the promise fulfilled in time; otherwise <see langword="default"/>.</param>
    /// <returns><see langword="true"/> if the promise fulfilled in time; <see langword="false"/> if it is still pending.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called with a non-zero timeout on a <see cref="PromiseLoop"/> thread while
    /// the promise is pending: the loop could never run the work that settles it.</exception>
    public bool TryWait(TimeSpan timeout, [MaybeNullWhen(false)] out T value) => TryWait(timeout, CancellationToken.None, out value);

    /// <summary>Blocks until the promise settles, <paramref name="timeout"/> passes or the wait is cancelled; gives the value,
    /// or rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> only looks (and never blocks, also on a loop
    /// thread); <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Stops the wait (not the work behind the promise).</param>
    /// <param name="value">The value when the promise fulfilled in time; otherwise <see langword="default"/>.</param>
    /// <returns><see langword="true"/> if the promise fulfilled in time; <see langword="false"/> if it is still pending.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called with a non-zero timeout on a <see cref="PromiseLoop"/> thread while
    /// the promise is pending.</exception>
    public bool TryWait(TimeSpan timeout, CancellationToken cancellationToken, [MaybeNullWhen(false)] out T value)
    {
        if (!TryWait(timeout, cancellationToken))
        {
            value = default;
            return false;
        }

        value = _value;
        return true;
    }

    /// <summary>Gets the value if the promise has fulfilled, without blocking and without throwing.</summary>
    /// <param name="value">The value when fulfilled; otherwise <see langword="default"/>.</param>
    /// <returns><see langword="true"/> if the promise is fulfilled; <see langword="false"/> if it is pending or rejected.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        if (IsFulfilled)
        {
            value = _value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Returns a <see cref="ValueTask{TResult}"/> that completes as this promise settles; completed at once, without
    /// allocating, when the promise has already fulfilled.</summary>
    /// <returns>A value task of the value: a reason that is an <see cref="OperationCanceledException"/> cancels it, any other
    /// reason faults it.</returns>
    public new ValueTask<T> ToValueTask() => IsFulfilled ? new ValueTask<T>(_value) : new ValueTask<T>(ToTask());

    /// <inheritdoc cref="Promise.WaitAsync(CancellationToken)"/>
    public new Promise<T> WaitAsync(CancellationToken cancellationToken) =>
        WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="Promise.WaitAsync(TimeSpan)"/>
    public new Promise<T> WaitAsync(TimeSpan timeout) => WaitAsync(timeout, TimeProvider.System, CancellationToken.None);

    /// <inheritdoc cref="Promise.WaitAsync(TimeSpan, CancellationToken)"/>
    public new Promise<T> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(timeout, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="Promise.WaitAsync(TimeSpan, TimeProvider)"/>
    public new Promise<T> WaitAsync(TimeSpan timeout, TimeProvider timeProvider) =>
        WaitAsync(timeout, timeProvider, CancellationToken.None);

    /// <inheritdoc cref="Promise.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>
    public new Promise<T> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        this.Timeout(timeout, timeProvider, cancellationToken);

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
