using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Attaches a handler that runs after this promise rejects; the returned promise fulfills once it has run
    /// (or with nothing, when this promise fulfills).</summary>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). Once it returns, the returned promise fulfills;
    /// an exception it throws rejects it. Not called if this promise fulfills.</param>
    /// <returns>A new promise that, when this promise rejects, fulfills, with no value, once the handler has returned
    /// (or rejects with the exception the handler throws); if this promise fulfills, it fulfills without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    /// <remarks>On a <see cref="Promise{T}"/> this is the <c>Catch</c> a handler that returns nothing binds to
    /// (<c>p.Catch(e => Log(e))</c>): the returned promise has no value, since a handled rejection has no value to offer.
    /// Return a value from the handler to keep a <see cref="Promise{T}"/>.</remarks>
    public Promise Catch(Action<Exception> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(null, HandlerKind.None, onRejected, HandlerKind.Action));
    }

    /// <summary>Attaches a rejection handler returning a promise of no value, which the returned promise
    /// adopts.</summary>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns (of any value type: only
    /// its outcome counts) is adopted: the returned promise settles as that promise does (<see langword="null"/> counts
    /// as returning nothing: fulfills at once; returning the very promise this call returns rejects with
    /// <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not called if
    /// this promise fulfills.</param>
    /// <returns>A new promise that, when this promise rejects, settles, with no value, as the handler's promise does
    /// (or rejects with the exception the handler throws); if this promise fulfills, it fulfills without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Catch(Func<Exception, Promise?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(null, HandlerKind.None, onRejected, HandlerKind.VoidPromise));
    }

    /// <summary>Attaches a rejection handler returning a task of no value, which the returned promise adopts.</summary>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: the returned
    /// promise fulfills when it completes, rejects with its own exception if it faults, or with
    /// <see cref="OperationCanceledException"/> if it is cancelled (<see langword="null"/> counts as returning
    /// nothing). An exception it throws rejects the returned promise. Not called if this promise fulfills.</param>
    /// <returns>A new promise that, when this promise rejects, settles, with no value, as the handler's task does (or
    /// rejects with the exception the handler throws); if this promise fulfills, it fulfills without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Catch(Func<Exception, Task?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(null, HandlerKind.None, onRejected, HandlerKind.VoidTask));
    }

    /// <summary>Attaches a handler for reasons of type <typeparamref name="TException"/>; other reasons pass through
    /// untouched.</summary>
    /// <typeparam name="TException">The type of exception to handle, derived types included.</typeparam>
    /// <param name="onRejected">Called with the reason, as a <typeparamref name="TException"/>, once this promise
    /// rejects with an exception of that type, asynchronously, never inside this call (even when this promise has
    /// already settled). Once it returns, the returned promise fulfills; an exception it throws rejects it. Not called
    /// when this promise fulfills or rejects with another exception type.</param>
    /// <returns>A new promise that, when this promise rejects with a <typeparamref name="TException"/>, fulfills, with
    /// no value, once the handler has returned (or rejects with the exception the handler throws); otherwise it settles
    /// as this promise did: it fulfills if this promise fulfills, and rejects with the same reason if the reason is of
    /// another type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise Catch<TException>(Action<TException> onRejected)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new CatchReaction<TException, VoidResult>(onRejected, HandlerKind.Action));
    }
}
