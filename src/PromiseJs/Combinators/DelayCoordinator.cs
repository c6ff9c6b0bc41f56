namespace PromiseJs.Combinators;

/// <summary>A cancellable <c>Promise.Delay</c>: fulfills when its timer fires, rejects with
/// <see cref="OperationCanceledException"/> when the token is cancelled first, and then stops the timer (inside
/// <see cref="PromiseLoop"/>, it removes the loop timer, so the loop does not wait for it).</summary>
internal sealed class DelayCoordinator : OperationCoordinator<Internal.VoidResult>
{
    public DelayCoordinator(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        StartTimer(delay, timeProvider);
        RegisterCancellation(cancellationToken);
        Constructed();
    }

    protected override void OnTimerFired() => Fulfill(default);
}
