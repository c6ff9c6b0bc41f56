using System.Reactive.Disposables;

namespace PromiseJs.Reactive.Operators;

/// <summary>The cold observable of <c>PromiseObservable.Defer</c>: every subscription calls the factory for a new promise and
/// observes it; with a token-taking factory, unsubscribing before that promise settles cancels the subscription's token.</summary>
/// <typeparam name="T">The type of the value; <see cref="System.Reactive.Unit"/> for value-less promises.</typeparam>
internal sealed class DeferObservable<T> : IObservable<T>
{
    // Exactly one is set. Each returns a Promise<T>, or a value-less Promise when T is Unit (Func is covariant, so the
    // facade passes the caller's delegate through unwrapped).
    private readonly Func<Promise>? _factory;
    private readonly Func<CancellationToken, Promise>? _cancellableFactory;

    public DeferObservable(Func<Promise> factory) => _factory = factory;

    public DeferObservable(Func<CancellationToken, Promise> factory) => _cancellableFactory = factory;

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        CancellationTokenSource? cancellation = _cancellableFactory is null ? null : new CancellationTokenSource();
        Promise promise;
        try
        {
            promise = (_factory is not null ? _factory() : _cancellableFactory!(cancellation!.Token))
                ?? throw new InvalidOperationException("The promise factory passed to PromiseObservable.Defer returned null; return the promise the subscription should follow.");
        }
        catch (Exception error)
        {
            // What the factory throws is the subscription's error, as with Rx's Observable.Defer.
            cancellation?.Dispose();
            observer.OnError(error);
            return Disposable.Empty;
        }

        IDisposable subscription = new PromiseToObservable<T>(promise).Subscribe(observer);
        return cancellation is null ? subscription : new DeferSubscription(promise, cancellation, subscription);
    }
}
