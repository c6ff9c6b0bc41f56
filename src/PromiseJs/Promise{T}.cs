using System.Diagnostics;
using PromiseJs.Diagnostics;

namespace PromiseJs;

/// <summary>A JavaScript-style promise of a <typeparamref name="T"/>: settles once, as fulfilled with a value or rejected
/// with an exception, and runs its handlers asynchronously.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
[DebuggerTypeProxy(typeof(Internal.PromiseDebugView<>))]
[System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(CompilerServices.PromiseMethodBuilder<>))]
public partial class Promise<T> : Promise, IThenable<T>
{
    // The value; written once, before the state is published as Fulfilled, and never again.
    internal T _value = default!;

    /// <summary>Creates a pending promise and runs <paramref name="executor"/> synchronously to settle it.</summary>
    /// <param name="executor">Receives the functions that resolve and reject the promise; only the first call of either counts.
    /// If the executor throws, the promise rejects with that exception (unless already settled).</param>
    /// <exception cref="ArgumentNullException"><paramref name="executor"/> is <see langword="null"/>.</exception>
    /// <remarks>Unlike JavaScript's <c>resolve</c>, the resolve function takes a <typeparamref name="T"/> and fulfills with it:
    /// adoption of another promise is type-directed (return a promise from a <c>Then</c> handler, or use
    /// <see cref="Promise.Resolve{T}(IThenable{T})"/>).</remarks>
    public Promise(Action<Action<T>, Action<Exception>> executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnCreated(this);
        }

        RunExecutor(executor, ResolveFromExecutor);
    }

    // Every promise the library makes pending (reaction promises, coordinators, resolvers) comes through here.
    internal Promise()
    {
        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnCreated(this);
        }
    }

    // An already fulfilled promise.
    internal Promise(T value)
    {
        _value = value;
        _state = StateFulfilled;
        MarkConstructedSettled();
        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnCreatedFulfilled(this);
        }
    }

    /// <summary>Gets the value of the fulfilled promise.</summary>
    /// <exception cref="InvalidOperationException">The promise is not fulfilled: it is pending, or rejected (the reason is then
    /// the exception's <see cref="Exception.InnerException"/>).</exception>
    public T Value
    {
        get
        {
            int state = Volatile.Read(ref _state);
            if (state != StateFulfilled)
            {
                throw state == StateRejected
                    ? new InvalidOperationException(
                        "The promise is rejected, so it has no value (the reason is the inner exception); read Reason, or " +
                        "await it to get the exception.", RejectionInfo.SourceException)
                    : new InvalidOperationException(
                        "The promise is still pending, so it has no value yet; await it, attach Then, or check State first.");
            }

            return _value;
        }
    }

    private protected override Type? ValueTypeForDisplay => typeof(T) == typeof(Internal.VoidResult) ? null : typeof(T);

    private protected override object? ValueForDisplay => IsFulfilled ? _value : null;

    void IThenable<T>.Then(Action<T> onFulfilled, Action<Exception> onRejected) => Then(onFulfilled, onRejected);

    internal void ResolveFromExecutor(T value) => TryFulfill(value);

    // First-wins fulfillment from Pending (executors, resolvers).
    internal bool TryFulfill(T value) => TryFulfill(value, StatePending);

    // First-wins fulfillment from a given state (AdoptForeign for thenable and task adoption).
    internal bool TryFulfill(T value, int expectedState)
    {
        if (Interlocked.CompareExchange(ref _state, StateLocked, expectedState) != expectedState)
        {
            return false;
        }

        _value = value;
        _rejection = null;
        Publish(StateFulfilled);
        return true;
    }

    // Fulfills a promise that nobody else can settle concurrently (a reaction settling itself).
    internal void SetFulfilled(T value)
    {
        _value = value;
        _rejection = null;
        Publish(StateFulfilled);
    }
}
