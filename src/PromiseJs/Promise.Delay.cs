using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise that fulfills after <paramref name="delay"/> (the counterpart of
    /// <c>setTimeout</c>).</summary>
    /// <param name="delay">How long to wait, as measured by the system clock; zero or more.</param>
    /// <returns>A promise of no value that fulfills once <paramref name="delay"/> has passed.</returns>
    /// <remarks>Inside <see cref="PromiseLoop"/> the timer fires as a loop task on the loop thread, and timers with
    /// equal delays fire in the order they were created; like node, a delay under one millisecond counts as one
    /// there.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or longer than a timer can wait
    /// (<see cref="uint.MaxValue"/> - 1 milliseconds, about 49.7 days, as for <see cref="Task.Delay(TimeSpan)"/>).</exception>
    public static Promise Delay(TimeSpan delay) => Delay(delay, TimeProvider.System);

    /// <summary>Returns a promise that fulfills after <paramref name="milliseconds"/> milliseconds.</summary>
    /// <param name="milliseconds">How many milliseconds to wait, as measured by the system clock; zero or more.</param>
    /// <returns>A promise of no value that fulfills once the time has passed (inside <see cref="PromiseLoop"/>, as a
    /// loop timer).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milliseconds"/> is negative.</exception>
    public static Promise Delay(int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        return Delay(TimeSpan.FromMilliseconds(milliseconds), TimeProvider.System);
    }

    /// <summary>Returns a promise that fulfills after <paramref name="delay"/> as measured by
    /// <paramref name="timeProvider"/> (a fake clock in tests).</summary>
    /// <param name="delay">How long to wait; zero or more.</param>
    /// <param name="timeProvider">The clock that measures the delay and creates its timer.</param>
    /// <returns>A promise of no value that fulfills once <paramref name="timeProvider"/> has advanced by
    /// <paramref name="delay"/> (inside <see cref="PromiseLoop"/>, as a loop timer).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or longer than a timer can wait
    /// (<see cref="uint.MaxValue"/> - 1 milliseconds, about 49.7 days, as for <see cref="Task.Delay(TimeSpan)"/>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public static Promise Delay(TimeSpan delay, TimeProvider timeProvider)
    {
        TimeSpanChecks.Delay(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(timeProvider);
        var promise = new Promise<VoidResult>();
        if (LoopCore.Current is { } loop)
        {
            loop.AddTimer(delay, timeProvider, promise);
        }
        else
        {
            var timer = new DelayTimer(promise);
            timer.Start(timeProvider, delay);
        }

        return promise;
    }

    /// <summary>Returns a promise that fulfills after <paramref name="delay"/>, or rejects with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled (at once if it
    /// already is).</summary>
    /// <param name="delay">How long to wait, as measured by the system clock; zero or more.</param>
    /// <param name="cancellationToken">Cancels the delay: the timer is disposed and the returned promise
    /// rejects.</param>
    /// <returns>A promise of no value that fulfills once <paramref name="delay"/> has passed, or rejects with an
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or longer than a timer can wait
    /// (<see cref="uint.MaxValue"/> - 1 milliseconds, about 49.7 days, as for <see cref="Task.Delay(TimeSpan)"/>).</exception>
    public static Promise Delay(TimeSpan delay, CancellationToken cancellationToken) => Delay(delay, null, cancellationToken);

    /// <summary>Returns a promise that fulfills after <paramref name="delay"/> as measured by
    /// <paramref name="timeProvider"/> (the system clock when <see langword="null"/>), or rejects with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled (at once if it
    /// already is).</summary>
    /// <param name="delay">How long to wait; zero or more.</param>
    /// <param name="timeProvider">The clock that measures the delay (a fake clock in tests); <see langword="null"/> for
    /// the system clock.</param>
    /// <param name="cancellationToken">Cancels the delay: the timer is disposed and the returned promise
    /// rejects.</param>
    /// <returns>A promise of no value that fulfills once the delay has passed, or rejects with an
    /// <see cref="OperationCanceledException"/> if <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <remarks>Cancellation disposes the timer; inside <see cref="PromiseLoop"/> it also removes the loop timer, so
    /// the loop does not wait for a delay nobody wants any more.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or longer than a timer can wait
    /// (<see cref="uint.MaxValue"/> - 1 milliseconds, about 49.7 days, as for <see cref="Task.Delay(TimeSpan)"/>).</exception>
    public static Promise Delay(TimeSpan delay, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        TimeSpanChecks.Delay(delay, nameof(delay));
        timeProvider ??= TimeProvider.System;
        if (!cancellationToken.CanBeCanceled)
        {
            return Delay(delay, timeProvider);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Reject(new OperationCanceledException(cancellationToken));
        }

        return new Combinators.DelayCoordinator(delay, timeProvider, cancellationToken);
    }

    // Outside a loop: the clock's timer fulfills the promise; the timer queue roots the timer (and so the promise) until then.
    private sealed class DelayTimer(Promise<VoidResult> promise)
    {
        private ITimer? _timer;

        public void Start(TimeProvider timeProvider, TimeSpan delay)
        {
            _timer = timeProvider.CreateTimer(static state => ((DelayTimer)state!).Fire(), this, delay, Timeout.InfiniteTimeSpan);
        }

        private void Fire()
        {
            _timer?.Dispose();
            promise.TryFulfill(default);
        }
    }
}
