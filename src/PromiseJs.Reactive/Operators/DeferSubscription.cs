namespace PromiseJs.Reactive.Operators;

/// <summary>A subscription to a <c>PromiseObservable.Defer</c> observable with a token-taking factory: disposing it
/// unsubscribes and, while that subscription's promise is still pending, cancels its token.</summary>
internal sealed class DeferSubscription(Promise promise, CancellationTokenSource cancellation, IDisposable subscription) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Unsubscribe first: the observer must not see the rejection that cancelling may cause.
        subscription.Dispose();

        // Rx's operators dispose a subscription when it completes too (Switch, Concat…); a settled promise's work is over,
        // so only a pending one is cancelled.
        if (promise.State == PromiseState.Pending)
        {
            cancellation.Cancel();
        }

        cancellation.Dispose();
    }
}
