using System.Reactive;
using PromiseJs.Reactive.Operators;

namespace PromiseJs.Reactive;

/// <summary>Converts promises to observables and observables to promises (RxJS's <c>from(promise)</c>,
/// <c>lastValueFrom</c> and <c>firstValueFrom</c>).</summary>
public static class PromiseObservableExtensions
{
    /// <summary>Returns an observable that emits the promise's value and completes, or fails with its rejection reason.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="promise">The promise to observe; it is never affected by subscribing or unsubscribing.</param>
    /// <returns>An observable of one value: each subscriber gets the promise's value and completion, or its rejection
    /// reason as <c>OnError</c>, whenever it subscribes.</returns>
    /// <remarks>Behaves like an <c>AsyncSubject</c>: every subscriber gets the one outcome, whenever it subscribes. A
    /// subscriber to a promise that has already settled is notified at once, inside <c>Subscribe</c>, as Rx does for a
    /// completed task; the subscribers of a pending promise are notified by one handler the first of them attached, so they
    /// run where that handler runs (on the loop, on the scheduler of the current promise context, …). Subscribing counts as
    /// handling a rejection. Disposing a subscription only stops its notifications.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    public static IObservable<T> ToObservable<T>(this Promise<T> promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return new PromiseToObservable<T>(promise);
    }

    /// <summary>Returns an observable that emits <see cref="Unit.Default"/> and completes when the promise fulfills, or fails
    /// with its rejection reason.</summary>
    /// <param name="promise">The promise to observe; it is never affected by subscribing or unsubscribing.</param>
    /// <returns>An observable of one <see cref="Unit.Default"/>: each subscriber gets it and completion when the
    /// promise fulfills, or the rejection reason as <c>OnError</c>, whenever it subscribes.</returns>
    /// <remarks>Behaves as <see cref="ToObservable{T}(Promise{T})"/> does.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    public static IObservable<Unit> ToObservable(this Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return new PromiseToObservable<Unit>(promise);
    }

    /// <summary>Subscribes to the observable and returns a promise of its last value (RxJS's <c>lastValueFrom</c>).</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable; the promise fulfills when it completes.</param>
    /// <returns>A promise that fulfills with the last value once <paramref name="source"/> completes, or rejects: with
    /// an <see cref="InvalidOperationException"/> if it completes empty, or with the error it fails with (or the
    /// exception its <c>Subscribe</c> throws).</returns>
    /// <remarks>An empty sequence rejects with <see cref="InvalidOperationException"/> ("Sequence contains no elements."),
    /// an error rejects with that exception. The subscription is disposed as soon as the promise settles.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> ToPromise<T>(this IObservable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ToPromiseSink<T>(hasDefault: false, default!).Run(source, CancellationToken.None);
    }

    /// <summary>Subscribes to the observable and returns a promise of its last value, or of <paramref name="defaultValue"/>
    /// when it completes empty.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable; the promise fulfills when it completes.</param>
    /// <param name="defaultValue">The value of an empty sequence (RxJS's <c>{ defaultValue }</c>).</param>
    /// <returns>A promise that fulfills with the last value once <paramref name="source"/> completes (with
    /// <paramref name="defaultValue"/> if it completes empty), or rejects with the error it fails with (or the
    /// exception its <c>Subscribe</c> throws).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> ToPromise<T>(this IObservable<T> source, T defaultValue)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ToPromiseSink<T>(hasDefault: true, defaultValue).Run(source, CancellationToken.None);
    }

    /// <summary>Subscribes to the observable and returns a promise of its last value; cancelling the token disposes the
    /// subscription and rejects the promise with <see cref="OperationCanceledException"/>.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable; the promise fulfills when it completes.</param>
    /// <param name="cancellationToken">Cancels the wait; a token already cancelled rejects at once, without subscribing.</param>
    /// <returns>A promise that fulfills with the last value once <paramref name="source"/> completes, or rejects: with
    /// an <see cref="InvalidOperationException"/> if it completes empty, or with the error it fails with (or the
    /// exception its <c>Subscribe</c> throws), or with an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> ToPromise<T>(this IObservable<T> source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ToPromiseSink<T>(hasDefault: false, default!).Run(source, cancellationToken);
    }

    /// <summary>Subscribes to the observable and returns a promise of its last value, or of <paramref name="defaultValue"/>
    /// when it completes empty; cancelling the token disposes the subscription and rejects with
    /// <see cref="OperationCanceledException"/>.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable; the promise fulfills when it completes.</param>
    /// <param name="defaultValue">The value of an empty sequence.</param>
    /// <param name="cancellationToken">Cancels the wait; a token already cancelled rejects at once, without subscribing.</param>
    /// <returns>A promise that fulfills with the last value once <paramref name="source"/> completes (with
    /// <paramref name="defaultValue"/> if it completes empty), or rejects with the error it fails with (or the
    /// exception its <c>Subscribe</c> throws), or with an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> ToPromise<T>(this IObservable<T> source, T defaultValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ToPromiseSink<T>(hasDefault: true, defaultValue).Run(source, cancellationToken);
    }

    /// <summary>Subscribes to the observable and returns a promise of its first value, unsubscribing as soon as it arrives
    /// (RxJS's <c>firstValueFrom</c>).</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable.</param>
    /// <returns>A promise that fulfills with the first value <paramref name="source"/> emits, or rejects: with an
    /// <see cref="InvalidOperationException"/> if it completes empty, or with the error it fails with (or the exception
    /// its <c>Subscribe</c> throws).</returns>
    /// <remarks>An empty sequence rejects with <see cref="InvalidOperationException"/> ("Sequence contains no elements."),
    /// an error rejects with that exception. The subscription is disposed as soon as the promise settles, so a hot source
    /// that never completes keeps no observer.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> FirstToPromise<T>(this IObservable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FirstToPromiseSink<T>(hasDefault: false, default!).Run(source, CancellationToken.None);
    }

    /// <summary>Subscribes to the observable and returns a promise of its first value, or of <paramref name="defaultValue"/>
    /// when it completes empty; unsubscribes as soon as the promise settles.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable.</param>
    /// <param name="defaultValue">The value of an empty sequence (RxJS's <c>{ defaultValue }</c>).</param>
    /// <returns>A promise that fulfills with the first value <paramref name="source"/> emits (with
    /// <paramref name="defaultValue"/> if it completes empty), or rejects with the error it fails with (or the
    /// exception its <c>Subscribe</c> throws).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> FirstToPromise<T>(this IObservable<T> source, T defaultValue)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FirstToPromiseSink<T>(hasDefault: true, defaultValue).Run(source, CancellationToken.None);
    }

    /// <summary>Subscribes to the observable and returns a promise of its first value; cancelling the token disposes the
    /// subscription and rejects the promise with <see cref="OperationCanceledException"/>.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable.</param>
    /// <param name="cancellationToken">Cancels the wait; a token already cancelled rejects at once, without subscribing.</param>
    /// <returns>A promise that fulfills with the first value <paramref name="source"/> emits, or rejects: with an
    /// <see cref="InvalidOperationException"/> if it completes empty, or with the error it fails with (or the exception
    /// its <c>Subscribe</c> throws), or with an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> FirstToPromise<T>(this IObservable<T> source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FirstToPromiseSink<T>(hasDefault: false, default!).Run(source, cancellationToken);
    }

    /// <summary>Subscribes to the observable and returns a promise of its first value, or of <paramref name="defaultValue"/>
    /// when it completes empty; cancelling the token disposes the subscription and rejects with
    /// <see cref="OperationCanceledException"/>.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="source">The observable.</param>
    /// <param name="defaultValue">The value of an empty sequence.</param>
    /// <param name="cancellationToken">Cancels the wait; a token already cancelled rejects at once, without subscribing.</param>
    /// <returns>A promise that fulfills with the first value <paramref name="source"/> emits (with
    /// <paramref name="defaultValue"/> if it completes empty), or rejects with the error it fails with (or the
    /// exception its <c>Subscribe</c> throws), or with an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static Promise<T> FirstToPromise<T>(this IObservable<T> source, T defaultValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FirstToPromiseSink<T>(hasDefault: true, defaultValue).Run(source, cancellationToken);
    }
}
