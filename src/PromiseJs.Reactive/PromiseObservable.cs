using System.Reactive;
using PromiseJs.Reactive.Operators;

namespace PromiseJs.Reactive;

/// <summary>Creates observables from promise factories (the promise counterpart of Rx's <c>Observable.Defer</c> and
/// <c>Observable.FromAsync</c>).</summary>
public static class PromiseObservable
{
    /// <summary>Returns a cold observable that calls <paramref name="promiseFactory"/> for every subscription and emits that
    /// promise's value, then completes, or fails with its rejection reason.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="promiseFactory">Starts the work of one subscription; an exception it throws (or a <see langword="null"/>
    /// promise, as <see cref="InvalidOperationException"/>) is that subscription's error.</param>
    /// <returns>A cold observable: each subscription calls <paramref name="promiseFactory"/> and gets that promise's
    /// value, then completion, or its rejection reason as <c>OnError</c>.</returns>
    /// <remarks>Unlike <see cref="PromiseObservableExtensions.ToObservable{T}(Promise{T})"/>, which observes one promise that
    /// already runs, nothing starts until somebody subscribes, and every subscriber starts its own work.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promiseFactory"/> is <see langword="null"/>.</exception>
    public static IObservable<T> Defer<T>(Func<Promise<T>> promiseFactory)
    {
        ArgumentNullException.ThrowIfNull(promiseFactory);
        return new DeferObservable<T>(promiseFactory);
    }

    /// <summary>Returns a cold observable that calls <paramref name="promiseFactory"/> with a new token for every subscription;
    /// disposing the subscription before that promise settles cancels the token.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="promiseFactory">Starts the work of one subscription and should stop it when the token is cancelled; an
    /// exception it throws (or a <see langword="null"/> promise) is that subscription's error.</param>
    /// <returns>A cold observable: each subscription calls <paramref name="promiseFactory"/> with a token of its own
    /// and gets that promise's value, then completion, or its rejection reason as <c>OnError</c>; disposing the
    /// subscription before then cancels the token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promiseFactory"/> is <see langword="null"/>.</exception>
    public static IObservable<T> Defer<T>(Func<CancellationToken, Promise<T>> promiseFactory)
    {
        ArgumentNullException.ThrowIfNull(promiseFactory);
        return new DeferObservable<T>(promiseFactory);
    }

    /// <summary>Returns a cold observable that calls <paramref name="promiseFactory"/> for every subscription and emits
    /// <see cref="Unit.Default"/> when that promise fulfills, then completes, or fails with its rejection reason.</summary>
    /// <param name="promiseFactory">Starts the work of one subscription; an exception it throws (or a <see langword="null"/>
    /// promise) is that subscription's error.</param>
    /// <returns>A cold observable: each subscription calls <paramref name="promiseFactory"/> and gets
    /// <see cref="Unit.Default"/> and completion when that promise fulfills, or its rejection reason as
    /// <c>OnError</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promiseFactory"/> is <see langword="null"/>.</exception>
    public static IObservable<Unit> Defer(Func<Promise> promiseFactory)
    {
        ArgumentNullException.ThrowIfNull(promiseFactory);
        return new DeferObservable<Unit>(promiseFactory);
    }

    /// <summary>Returns a cold observable that calls <paramref name="promiseFactory"/> with a new token for every subscription
    /// and emits <see cref="Unit.Default"/> when that promise fulfills; disposing the subscription before it settles cancels
    /// the token.</summary>
    /// <param name="promiseFactory">Starts the work of one subscription and should stop it when the token is cancelled; an
    /// exception it throws (or a <see langword="null"/> promise) is that subscription's error.</param>
    /// <returns>A cold observable: each subscription calls <paramref name="promiseFactory"/> with a token of its own
    /// and gets <see cref="Unit.Default"/> and completion when that promise fulfills, or its rejection reason as
    /// <c>OnError</c>; disposing the subscription before then cancels the token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promiseFactory"/> is <see langword="null"/>.</exception>
    public static IObservable<Unit> Defer(Func<CancellationToken, Promise> promiseFactory)
    {
        ArgumentNullException.ThrowIfNull(promiseFactory);
        return new DeferObservable<Unit>(promiseFactory);
    }
}
