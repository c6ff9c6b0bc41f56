using PromiseJs.Combinators;
using PromiseJs.Internal;

namespace PromiseJs;

/// <summary>Operators on promises that are extension methods rather than members: <c>Timeout</c> (a member of that name
/// would hide <see cref="System.Threading.Timeout"/> inside every promise type).</summary>
public static class PromiseExtensions
{
    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or rejects with
    /// <see cref="TimeoutException"/> if it is still pending after <paramref name="timeout"/> (or with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// forever.</param>
    /// <param name="cancellationToken">Stops waiting: the returned promise rejects with
    /// <see cref="OperationCanceledException"/> (at once if it is already cancelled).</param>
    /// <returns>A new promise of no value that fulfills or rejects with its reason if <paramref name="promise"/>
    /// settles in time, rejects with <see cref="TimeoutException"/> if it does not, and with
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>Like <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>, it stops waiting but does not stop the
    /// work behind <paramref name="promise"/>, which stays handled: its later rejection is not reported. Its outcome
    /// arrives one tick after it settles, as with <see cref="Promise.Race{T}(Promise{T}[])"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than
    /// infinite), or longer than a timer can wait (about 49.7 days).</exception>
    public static Promise Timeout(this Promise promise, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Timeout(promise, timeout, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or rejects with
    /// <see cref="TimeoutException"/> if it is still pending after <paramref name="timeout"/> as measured by
    /// <paramref name="timeProvider"/> (or with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// forever.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/> (a fake clock in tests).</param>
    /// <param name="cancellationToken">Stops waiting: the returned promise rejects with
    /// <see cref="OperationCanceledException"/> (at once if it is already cancelled).</param>
    /// <returns>A new promise of no value that fulfills or rejects with its reason if <paramref name="promise"/>
    /// settles in time, rejects with <see cref="TimeoutException"/> if it does not, and with
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>Like <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>, it stops waiting but does not stop the
    /// work behind <paramref name="promise"/>, which stays handled: its later rejection is not reported. Its outcome
    /// arrives one tick after it settles, as with <see cref="Promise.Race{T}(Promise{T}[])"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> or <paramref name="timeProvider"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than
    /// infinite), or longer than a timer can wait (about 49.7 days).</exception>
    public static Promise Timeout(this Promise promise, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        Check(promise, timeout, timeProvider);
        return new TimeoutCoordinator<VoidResult>(promise, timeout, false, default, timeProvider, cancellationToken);
    }

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or rejects with
    /// <see cref="TimeoutException"/> if it is still pending after <paramref name="timeout"/> (or with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <typeparam name="T">The promise's value type.</typeparam>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// forever.</param>
    /// <param name="cancellationToken">Stops waiting: the returned promise rejects with
    /// <see cref="OperationCanceledException"/> (at once if it is already cancelled).</param>
    /// <returns>A new promise that fulfills with the value of <paramref name="promise"/> or rejects with its reason if
    /// <paramref name="promise"/> settles in time, rejects with <see cref="TimeoutException"/> if it does not, and with
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>Like <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>, it stops waiting but does not stop the
    /// work behind <paramref name="promise"/>, which stays handled: its later rejection is not reported. Its outcome
    /// arrives one tick after it settles, as with <see cref="Promise.Race{T}(Promise{T}[])"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than
    /// infinite), or longer than a timer can wait (about 49.7 days).</exception>
    public static Promise<T> Timeout<T>(this Promise<T> promise, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Timeout(promise, timeout, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or rejects with
    /// <see cref="TimeoutException"/> if it is still pending after <paramref name="timeout"/> as measured by
    /// <paramref name="timeProvider"/> (or with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <typeparam name="T">The promise's value type.</typeparam>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// forever.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/> (a fake clock in tests).</param>
    /// <param name="cancellationToken">Stops waiting: the returned promise rejects with
    /// <see cref="OperationCanceledException"/> (at once if it is already cancelled).</param>
    /// <returns>A new promise that fulfills with the value of <paramref name="promise"/> or rejects with its reason if
    /// <paramref name="promise"/> settles in time, rejects with <see cref="TimeoutException"/> if it does not, and with
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>Like <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>, it stops waiting but does not stop the
    /// work behind <paramref name="promise"/>, which stays handled: its later rejection is not reported. Its outcome
    /// arrives one tick after it settles, as with <see cref="Promise.Race{T}(Promise{T}[])"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> or <paramref name="timeProvider"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than
    /// infinite), or longer than a timer can wait (about 49.7 days).</exception>
    public static Promise<T> Timeout<T>(this Promise<T> promise, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        Check(promise, timeout, timeProvider);
        return new TimeoutCoordinator<T>(promise, timeout, false, default!, timeProvider, cancellationToken);
    }

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or fulfills with
    /// <paramref name="fallback"/> if it is still pending after <paramref name="timeout"/> (or rejects with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <typeparam name="T">The promise's value type.</typeparam>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// forever.</param>
    /// <param name="fallback">The value to fulfill with when the time is up.</param>
    /// <param name="cancellationToken">Stops waiting: the returned promise rejects with
    /// <see cref="OperationCanceledException"/> (at once if it is already cancelled).</param>
    /// <returns>A new promise that fulfills with the value of <paramref name="promise"/> or rejects with its reason if
    /// it settles in time, fulfills with <paramref name="fallback"/> if it does not, and rejects with
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>It stops waiting but does not stop the work behind <paramref name="promise"/>, which stays handled. For
    /// a <see langword="null"/> fallback, name the argument (<c>fallback: null</c>): a bare <c>null</c> could also be a
    /// clock.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than
    /// infinite), or longer than a timer can wait (about 49.7 days).</exception>
    public static Promise<T> Timeout<T>(this Promise<T> promise, TimeSpan timeout, T fallback, CancellationToken cancellationToken = default) =>
        Timeout(promise, timeout, fallback, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as <paramref name="promise"/> does, or fulfills with
    /// <paramref name="fallback"/> if it is still pending after <paramref name="timeout"/> as measured by
    /// <paramref name="timeProvider"/> (or rejects with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled).</summary>
    /// <typeparam name="T">The promise's value type.</typeparam>
    /// <param name="promise">The promise to wait for.</param>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// forever.</param>
    /// <param name="fallback">The value to fulfill with when the time is up.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/> (a fake clock in tests).</param>
    /// <param name="cancellationToken">Stops waiting: the returned promise rejects with
    /// <see cref="OperationCanceledException"/> (at once if it is already cancelled).</param>
    /// <returns>A new promise that fulfills with the value of <paramref name="promise"/> or rejects with its reason if
    /// it settles in time, fulfills with <paramref name="fallback"/> if it does not, and rejects with
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>It stops waiting but does not stop the work behind <paramref name="promise"/>, which stays handled. For
    /// a <see langword="null"/> fallback, name the argument (<c>fallback: null</c>): a bare <c>null</c> could also be a
    /// clock.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> or <paramref name="timeProvider"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than
    /// infinite), or longer than a timer can wait (about 49.7 days).</exception>
    public static Promise<T> Timeout<T>(
        this Promise<T> promise, TimeSpan timeout, T fallback, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        Check(promise, timeout, timeProvider);
        return new TimeoutCoordinator<T>(promise, timeout, true, fallback, timeProvider, cancellationToken);
    }

    private static void Check(Promise promise, TimeSpan timeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(promise);
        TimeSpanChecks.TimerTimeout(timeout, nameof(timeout));

        ArgumentNullException.ThrowIfNull(timeProvider);
    }
}
