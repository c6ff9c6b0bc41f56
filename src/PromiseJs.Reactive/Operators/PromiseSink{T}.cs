using System.Reactive.Disposables;

namespace PromiseJs.Reactive.Operators;

/// <summary>The observer behind <c>ToPromise</c> and <c>FirstToPromise</c>: subscribes, settles one promise with the first
/// outcome (a value, an error, completion or cancellation) and then disposes the subscription and the token registration.</summary>
/// <typeparam name="T">The type of the values.</typeparam>
/// <remarks>A source that settles the sink while it is being subscribed (a synchronous source, an already settled promise)
/// gets an already settled promise back, without the cost of resolvers.</remarks>
internal abstract class PromiseSink<T> : IObserver<T>
{
    // _phase: Subscribing → Settled (an outcome arrived before Run returned), or Subscribing → Waiting (Run published
    // _resolvers and returned their promise; a later outcome settles them). Whichever compare-and-swap comes first wins.
    private const int Subscribing = 0;
    private const int Waiting = 1;
    private const int Settled = 2;

    // _registrationState: 0 → Registered (Run has written _registration) or → Released (Settle ran); whoever moves it
    // second unregisters, so a registration written after the sink settled is still removed.
    private const int Registered = 1;
    private const int Released = 2;

    private readonly bool _hasDefault;
    private readonly T _defaultValue;

    private int _phase;

    // 1 once an outcome has claimed the sink: every later notification (or a cancellation) is ignored.
    private int _claimed;

    // The outcome; written by the claiming call before _phase is moved, read by Run only after it sees Settled.
    private T _value = default!;
    private Exception? _reason;

    // Created only when the source did not settle the sink during Subscribe; published before _phase becomes Waiting.
    private PromiseWithResolvers<T>? _resolvers;

    // Disposed at settlement; a subscription assigned after that (Subscribe returning late) is disposed at once.
    private SingleAssignmentDisposableValue _subscription;

    private CancellationTokenRegistration _registration;
    private int _registrationState;

    protected PromiseSink(bool hasDefault, T defaultValue)
    {
        _hasDefault = hasDefault;
        _defaultValue = defaultValue;
    }

    public Promise<T> Run(IObservable<T> source, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Promise.Reject<T>(new OperationCanceledException(cancellationToken));
        }

        Start(source);
        if (Volatile.Read(ref _phase) == Settled)
        {
            return SettledPromise();
        }

        _resolvers = Promise.WithResolvers<T>();
        if (Interlocked.CompareExchange(ref _phase, Waiting, Subscribing) != Subscribing)
        {
            // Settled by another thread in the meantime.
            return SettledPromise();
        }

        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((PromiseSink<T>)state!).Settle(default!, new OperationCanceledException(token)),
                this);
            if (Interlocked.Exchange(ref _registrationState, Registered) == Released)
            {
                _registration.Unregister();
            }
        }

        return _resolvers.Promise;
    }

    public abstract void OnNext(T value);

    public void OnError(Exception error) => Settle(default!, error);

    public abstract void OnCompleted();

    /// <summary>Subscribes to <paramref name="source"/>; an override may do it inside a trampoline.</summary>
    protected virtual void Start(IObservable<T> source) => Connect(source);

    /// <summary>Subscribes this sink to <paramref name="source"/>; a <c>Subscribe</c> that throws rejects the promise.</summary>
    protected void Connect(IObservable<T> source)
    {
        IDisposable subscription;
        try
        {
            subscription = source.Subscribe(this);
        }
        catch (Exception error)
        {
            // A throwing Subscribe is an outcome like any other: it rejects the promise (an executor that throws does too).
            Settle(default!, error);
            return;
        }

        _subscription.Disposable = subscription;
    }

    /// <summary>Settles with the last or first value, or with the default value or "no elements" for an empty sequence.</summary>
    protected void Complete(bool hasValue, T value)
    {
        if (hasValue)
        {
            Settle(value, null);
        }
        else if (_hasDefault)
        {
            Settle(_defaultValue, null);
        }
        else
        {
            // Rx's own wording (First, Last, ToTask's awaiter), so code that matches on it keeps working.
            Settle(default!, new InvalidOperationException("Sequence contains no elements."));
        }
    }

    /// <summary>Settles with a value (<paramref name="reason"/> <see langword="null"/>) or a rejection; only the first call counts.</summary>
    protected void Settle(T value, Exception? reason)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        // Unsubscribe before the promise can be observed as settled: a handler never sees the source still subscribed.
        _subscription.Dispose();
        if (Interlocked.Exchange(ref _registrationState, Released) == Registered)
        {
            _registration.Unregister();
        }

        _value = value;
        _reason = reason;
        if (Interlocked.CompareExchange(ref _phase, Settled, Subscribing) == Waiting)
        {
            if (reason is null)
            {
                _resolvers!.Resolve(value);
            }
            else
            {
                _resolvers!.Reject(reason);
            }
        }
    }

    private Promise<T> SettledPromise() => _reason is null ? Promise.Resolve(_value) : Promise.Reject<T>(_reason);
}
