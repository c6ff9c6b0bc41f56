using System.Runtime.ExceptionServices;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Retry</c>: calls the factory, and after a rejection (or a throw) waits for the backoff
/// (a timer) and calls it again, up to the number of attempts; settles as the last attempt did.</summary>
internal sealed class RetryCoordinator<T> : OperationCoordinator<T>
{
    private readonly Func<int, TimeSpan>? _backoff;
    private readonly TimeProvider _timeProvider;
    private readonly int _attempts;

    // Null once the result has settled, so a settled promise keeps no closure alive.
    private Func<Promise<T>?>? _factory;
    private int _attempt;

    // The reason of the attempt that just failed, from its job to the next step.
    private ExceptionDispatchInfo? _failure;

    // The promise of the attempt in progress.
    private Promise<T>? _current;

    public RetryCoordinator(
        Func<Promise<T>?> factory, int attempts, Func<int, TimeSpan>? backoff, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _factory = factory;
        _attempts = attempts;
        _backoff = backoff;
        _timeProvider = timeProvider;
        RegisterCancellation(cancellationToken);
        Run(null);
        Constructed();
    }

    // With a source: the attempt settled. Without: the backoff timer fired (queued here from the timer's thread).
    internal override void RunJob(Promise? source)
    {
        if (IsSettled)
        {
            return;
        }

        if (source is { IsFulfilled: true })
        {
            SettleFrom(source);
            return;
        }

        _failure = source?.RejectionInfo;
        ContinueInContext();
    }

    protected override void OnTimerFired() => JobScheduler.Enqueue(Scheduler, this, null);

    protected override void Continue()
    {
        ExceptionDispatchInfo? failure = _failure;
        _failure = null;
        Run(failure);
    }

    // After a failure: gives up, or waits for the backoff, or tries again at once. Without one: tries (again).
    private void Run(ExceptionDispatchInfo? failure)
    {
        while (Volatile.Read(ref _factory) is { } factory && !IsSettled)
        {
            if (failure is not null)
            {
                if (_attempt >= _attempts)
                {
                    Reject(failure);
                    return;
                }

                TimeSpan delay;
                try
                {
                    delay = _backoff?.Invoke(_attempt) ?? TimeSpan.Zero;
                }
                catch (Exception ex)
                {
                    Reject(ExceptionDispatchInfo.Capture(ex));
                    return;
                }

                if (delay > TimeSpan.Zero)
                {
                    if (!TimeSpanChecks.FitsATimer(delay))
                    {
                        // Refused here, as a rejection: thrown from the timer, it would escape the job that runs this.
                        Reject(ExceptionDispatchInfo.Capture(TimeSpanChecks.TooLongForATimer("backoff", delay, $"returned after attempt {_attempt}")));
                        return;
                    }

                    StartTimer(delay, _timeProvider);
                    return;
                }
            }

            _attempt++;
            Promise<T>? promise;
            try
            {
                promise = factory();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
                continue;
            }

            if (promise is null)
            {
                Fulfill(default!);
                return;
            }

            Volatile.Write(ref _current, promise);
            promise.AddReaction(this);
            return;
        }
    }

    protected override void Cleanup()
    {
        base.Cleanup();
        Volatile.Write(ref _factory, null);
        if (Volatile.Read(ref _current) is { IsSettled: false } current)
        {
            current.RemoveReaction(this, staysHandled: true);
        }
    }
}
