using System.Reactive.Disposables;
using System.Reactive.Subjects;

namespace PromiseJs.Reactive.Operators;

/// <summary>The observable of <c>promise.ToObservable()</c>: an <see cref="AsyncSubject{T}"/> over the promise's outcome.</summary>
/// <typeparam name="T">The type of the value; <see cref="System.Reactive.Unit"/> for a value-less promise.</typeparam>
internal sealed class PromiseToObservable<T> : IObservable<T>
{
    private static readonly Action s_ignoreValue = static () => { };
    private static readonly Action<Exception> s_ignoreReason = static _ => { };

    // A Promise<T>, or a value-less Promise when T is Unit.
    private readonly Promise _promise;

    // Created by the first subscription to the still pending promise, together with the one handler that feeds it.
    private AsyncSubject<T>? _subject;

    // 1 once a handler is attached to the promise (the subject's feed, or the no-op that marks a rejection handled).
    private int _attached;

    public PromiseToObservable(Promise promise) => _promise = promise;

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        switch (_promise.State)
        {
            case PromiseState.Fulfilled:
                // Settled already: notify now, as AsyncSubject does for a late subscriber (and Rx for a completed task).
                observer.OnNext(ValueOf());
                observer.OnCompleted();
                return Disposable.Empty;

            case PromiseState.Rejected:
                if (Interlocked.Exchange(ref _attached, 1) == 0)
                {
                    // The subscriber handles the rejection: without a handler a loop would report it as unhandled.
                    _promise.Then(s_ignoreValue, s_ignoreReason);
                }

                observer.OnError(_promise.Reason!);
                return Disposable.Empty;

            default:
                return (Volatile.Read(ref _subject) ?? Feed()).Subscribe(observer);
        }
    }

    private AsyncSubject<T> Feed()
    {
        var subject = new AsyncSubject<T>();
        if (Interlocked.CompareExchange(ref _subject, subject, null) is { } existing)
        {
            return existing;
        }

        Volatile.Write(ref _attached, 1);

        // One handler for every subscriber; what an observer throws rejects the handler's promise, which is then reported
        // as an unhandled rejection instead of being lost.
        _promise.Then(OnFulfilled, OnRejected);
        return subject;
    }

    private void OnFulfilled()
    {
        _subject!.OnNext(ValueOf());
        _subject.OnCompleted();
    }

    private void OnRejected(Exception reason) => _subject!.OnError(reason);

    private T ValueOf() => _promise is Promise<T> typed ? typed.Value : default!;
}
