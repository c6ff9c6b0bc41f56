using System.Runtime.ExceptionServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>promise.Timeout</c>: settles as its source does, unless the timer fires first (it then rejects
/// with <see cref="TimeoutException"/>, or fulfills with the fallback) or the token is cancelled first. It is the reaction on
/// its source, so the source's outcome reaches it one tick later, as with <c>Promise.Race</c>.</summary>
internal sealed class TimeoutCoordinator<T> : OperationCoordinator<T>
{
    private readonly Promise _source;
    private readonly TimeSpan _timeout;
    private readonly bool _hasFallback;
    private readonly T _fallback;

    public TimeoutCoordinator(
        Promise source, TimeSpan timeout, bool hasFallback, T fallback, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _source = source;
        _timeout = timeout;
        _hasFallback = hasFallback;
        _fallback = fallback;
        if (!source.IsSettled)
        {
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                StartTimer(timeout, timeProvider);
            }

            RegisterCancellation(cancellationToken);
        }

        source.AddReaction(this);
        Constructed();
    }

    internal override void RunJob(Promise? source) => SettleFrom(source!);

    protected override void OnTimerFired()
    {
        if (_hasFallback)
        {
            Fulfill(_fallback);
        }
        else
        {
            Reject(ExceptionDispatchInfo.Capture(new TimeoutException($"The promise did not settle within {_timeout}.")));
        }
    }

    protected override void Cleanup()
    {
        base.Cleanup();
        if (!_source.IsSettled)
        {
            // As with Promise.Race, the source stays handled: its later rejection is not reported.
            _source.RemoveReaction(this, staysHandled: true);
        }
    }
}
