using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Calls <paramref name="factory"/> and, each time its promise rejects (or it throws), calls it again, up to
    /// <paramref name="attempts"/> calls in all; the returned promise settles as the first fulfilled attempt, or as the last.</summary>
    /// <typeparam name="T">The value type of the promises <paramref name="factory"/> returns.</typeparam>
    /// <param name="factory">Starts one attempt; a <see langword="null"/> promise counts as fulfilled with <c>default</c>.</param>
    /// <param name="attempts">How many calls at most, the first included.</param>
    /// <param name="cancellationToken">Stops retrying and rejects with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A promise that fulfills with the value of the first attempt that fulfills, or, once all
    /// <paramref name="attempts"/> have failed, rejects with the last attempt's reason (or exception); or rejects with
    /// an <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled
    /// first.</returns>
    /// <remarks>The first attempt starts now, inside the call; the others in a later job, in the <see cref="ExecutionContext"/>
    /// of the call.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> is less than one.</exception>
    public static Promise<T> Retry<T>(Func<Promise<T>?> factory, int attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return new RetryCoordinator<T>(factory, attempts, null, TimeProvider.System, cancellationToken);
    }

    /// <summary>Calls <paramref name="factory"/> and, each time its promise rejects (or it throws), waits for
    /// <paramref name="backoff"/> and calls it again, up to <paramref name="attempts"/> calls in all; the returned promise
    /// settles as the first fulfilled attempt, or as the last.</summary>
    /// <typeparam name="T">The value type of the promises <paramref name="factory"/> returns.</typeparam>
    /// <param name="factory">Starts one attempt; a <see langword="null"/> promise counts as fulfilled with <c>default</c>.</param>
    /// <param name="attempts">How many calls at most, the first included.</param>
    /// <param name="backoff">How long to wait after failed attempt number <c>n</c> (from 1) before the next; zero or less
    /// retries in the same job. An exception it throws rejects the result, and so does a wait longer than a timer can wait
    /// (about 49.7 days; an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="backoff"/>).</param>
    /// <param name="timeProvider">The clock of the waits (the system clock when <see langword="null"/>).</param>
    /// <param name="cancellationToken">Stops retrying (a wait too) and rejects with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A promise that fulfills with the value of the first attempt that fulfills, or, once all
    /// <paramref name="attempts"/> have failed, rejects with the last attempt's reason (or exception); or rejects with
    /// an <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled first, and
    /// with the exception <paramref name="backoff"/> throws if it throws.</returns>
    /// <remarks>The first attempt starts now, inside the call; the others in a later job, in the <see cref="ExecutionContext"/>
    /// of the call. Inside <see cref="PromiseLoop"/> the waits are loop timers.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> or <paramref name="backoff"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> is less than one.</exception>
    public static Promise<T> Retry<T>(
        Func<Promise<T>?> factory, int attempts, Func<int, TimeSpan> backoff, TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentNullException.ThrowIfNull(backoff);
        return new RetryCoordinator<T>(factory, attempts, backoff, timeProvider ?? TimeProvider.System, cancellationToken);
    }
}
