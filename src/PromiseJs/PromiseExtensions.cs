using PromiseJs.Combinators;
using PromiseJs.Internal;

namespace PromiseJs;

/// <summary>Operators on promises that are extension methods rather than members: <c>Timeout</c> (a member of that name
/// would hide <see cref="System.Threading.Timeout"/> inside every promise type).</summary>
public static class PromiseExtensions
{
    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or rejects with <see cref="TimeoutException"/>
    /// if it is still pending after <paramref name="timeout"/> (or with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <remarks>Like <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>, it stops waiting but does not stop the work
    /// behind <paramref name="promise"/>, which stays handled: its later rejection is not reported. Its outcome arrives one
    /// tick after it settles, as with <see cref="Promise.Race{T}(Promise{T}[])"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    public static Promise Timeout(this Promise promise, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Timeout(promise, timeout, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or rejects with <see cref="TimeoutException"/>
    /// if it is still pending after <paramref name="timeout"/> as measured by <paramref name="timeProvider"/> (or with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <inheritdoc cref="Timeout(Promise, TimeSpan, CancellationToken)"/>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public static Promise Timeout(this Promise promise, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        Check(promise, timeout, timeProvider);
        return new TimeoutCoordinator<VoidResult>(promise, timeout, false, default, timeProvider, cancellationToken);
    }

    /// <inheritdoc cref="Timeout(Promise, TimeSpan, CancellationToken)"/>
    public static Promise<T> Timeout<T>(this Promise<T> promise, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Timeout(promise, timeout, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="Timeout(Promise, TimeSpan, TimeProvider, CancellationToken)"/>
    public static Promise<T> Timeout<T>(this Promise<T> promise, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        Check(promise, timeout, timeProvider);
        return new TimeoutCoordinator<T>(promise, timeout, false, default!, timeProvider, cancellationToken);
    }

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or fulfills with <paramref name="fallback"/>
    /// if it is still pending after <paramref name="timeout"/> (or rejects with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="fallback">The value to fulfill with when the time is up.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <remarks>It stops waiting but does not stop the work behind <paramref name="promise"/>, which stays handled. For a
    /// <see langword="null"/> fallback, name the argument (<c>fallback: null</c>): a bare <c>null</c> could also be a clock.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    public static Promise<T> Timeout<T>(this Promise<T> promise, TimeSpan timeout, T fallback, CancellationToken cancellationToken = default) =>
        Timeout(promise, timeout, fallback, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or fulfills with <paramref name="fallback"/>
    /// if it is still pending after <paramref name="timeout"/> as measured by <paramref name="timeProvider"/> (or rejects with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <inheritdoc cref="Timeout{T}(Promise{T}, TimeSpan, T, CancellationToken)"/>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public static Promise<T> Timeout<T>(
        this Promise<T> promise, TimeSpan timeout, T fallback, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        Check(promise, timeout, timeProvider);
        return new TimeoutCoordinator<T>(promise, timeout, true, fallback, timeProvider, cancellationToken);
    }

    private static void Check(Promise promise, TimeSpan timeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(promise);
        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        ArgumentNullException.ThrowIfNull(timeProvider);
    }
}
