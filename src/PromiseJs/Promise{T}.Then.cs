using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Attaches a handler that runs with the value after this promise fulfills; the returned promise fulfills
    /// with its result, or rejects with what it throws. A rejection passes through.</summary>
    /// <typeparam name="TResult">The type of the value the handler returns, and so of the returned promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). Its return value fulfills the returned promise;
    /// an exception it throws rejects it. Not called if this promise rejects.</param>
    /// <returns>A new promise that fulfills with the handler's return value, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<T, TResult> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Value, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a promise, which the returned promise adopts (never a promise of a
    /// promise; <see langword="null"/> counts as <c>default</c>). A rejection passes through.</summary>
    /// <typeparam name="TResult">The value type of the promise the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns is adopted: the returned
    /// promise settles as that promise does (<see langword="null"/> counts as <c>default</c>; returning the very
    /// promise this call returns rejects with <see cref="InvalidOperationException"/>). An exception it throws rejects
    /// the returned promise. Not called if this promise rejects.</param>
    /// <returns>A new promise that settles as the handler's promise does, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<T, Promise<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Promise, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a thenable, which the returned promise adopts (Promises/A+ 2.3.3). A
    /// rejection passes through.</summary>
    /// <typeparam name="TResult">The value type of the thenable the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The thenable it returns is adopted as Promises/A+
    /// 2.3.3 says: its <c>Then</c> is called once, in a later job, and only its first callback counts
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise rejects.</param>
    /// <returns>A new promise that settles as the handler's thenable does, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<T, IThenable<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Thenable, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a task (an <c>async x => …</c> lambda with a value), which the returned
    /// promise adopts. A rejection passes through.</summary>
    /// <typeparam name="TResult">The result type of the task the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: its result
    /// fulfills the returned promise; a faulted task rejects it with the task's own exception (not an
    /// <see cref="AggregateException"/>), a cancelled one with <see cref="OperationCanceledException"/>
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise rejects.</param>
    /// <returns>A new promise that settles as the handler's task does, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<T, Task<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Task, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that runs with the value after this promise fulfills; the returned promise of no
    /// value fulfills once it has run. A rejection passes through.</summary>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). Once it returns, the returned promise fulfills;
    /// an exception it throws rejects it. Not called if this promise rejects.</param>
    /// <returns>A new promise that fulfills, with no value, once the handler has returned, or rejects with the
    /// exception the handler throws; if this promise rejects, it rejects with the same reason without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise Then(Action<T> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.Action, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a promise of no value (<c>x => Promise.Delay(10)</c>), which the returned
    /// promise adopts. A rejection passes through.</summary>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns (of any value type: only
    /// its outcome counts) is adopted: the returned promise settles as that promise does (<see langword="null"/> counts
    /// as returning nothing: fulfills at once; returning the very promise this call returns rejects with
    /// <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not called if
    /// this promise rejects.</param>
    /// <returns>A new promise that settles, with no value, as the handler's promise does, or rejects with the exception
    /// the handler throws; if this promise rejects, it rejects with the same reason without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<T, Promise?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidPromise, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a task of no value (an <c>async x => { … }</c> lambda), which the returned
    /// promise adopts. A rejection passes through.</summary>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: the returned
    /// promise fulfills when it completes, rejects with its own exception if it faults, or with
    /// <see cref="OperationCanceledException"/> if it is cancelled (<see langword="null"/> counts as returning
    /// nothing). An exception it throws rejects the returned promise. Not called if this promise rejects.</param>
    /// <returns>A new promise that settles, with no value, as the handler's task does, or rejects with the exception
    /// the handler throws; if this promise rejects, it rejects with the same reason without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Then(Func<T, Task?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidTask, null, HandlerKind.None));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise fulfills with the
    /// result of the one that ran.</summary>
    /// <typeparam name="TResult">The type of the value the handler returns, and so of the returned promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). Its return value fulfills the returned promise;
    /// an exception it throws rejects it. Not called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). Its return value fulfills the returned promise;
    /// an exception it throws rejects it. Not called if this promise fulfills, nor for an exception that
    /// <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it fulfills with the handler's return value,
    /// or rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<T, TResult> onFulfilled, Func<Exception, TResult> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Value, onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches promise-returning handlers for fulfillment and rejection; the returned promise adopts the
    /// promise of the one that ran.</summary>
    /// <typeparam name="TResult">The value type of the promise the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns is adopted: the returned
    /// promise settles as that promise does (<see langword="null"/> counts as <c>default</c>; returning the very
    /// promise this call returns rejects with <see cref="InvalidOperationException"/>). An exception it throws rejects
    /// the returned promise. Not called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns is adopted: the returned
    /// promise settles as that promise does (<see langword="null"/> counts as <c>default</c>; returning the very
    /// promise this call returns rejects with <see cref="InvalidOperationException"/>). An exception it throws rejects
    /// the returned promise. Not called if this promise fulfills, nor for an exception that
    /// <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it settles as the handler's promise does, or
    /// rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<T, Promise<TResult>?> onFulfilled, Func<Exception, Promise<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Promise, onRejected, HandlerKind.Promise));
    }

    /// <summary>Attaches thenable-returning handlers for fulfillment and rejection; the returned promise adopts the
    /// thenable of the one that ran.</summary>
    /// <typeparam name="TResult">The value type of the thenable the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The thenable it returns is adopted as Promises/A+
    /// 2.3.3 says: its <c>Then</c> is called once, in a later job, and only its first callback counts
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The thenable it returns is adopted as Promises/A+
    /// 2.3.3 says: its <c>Then</c> is called once, in a later job, and only its first callback counts
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise fulfills, nor for an exception that <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it settles as the handler's thenable does, or
    /// rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<T, IThenable<TResult>?> onFulfilled, Func<Exception, IThenable<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Thenable, onRejected, HandlerKind.Thenable));
    }

    /// <summary>Attaches task-returning handlers for fulfillment and rejection; the returned promise adopts the task of
    /// the one that ran.</summary>
    /// <typeparam name="TResult">The result type of the task the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: its result
    /// fulfills the returned promise; a faulted task rejects it with the task's own exception (not an
    /// <see cref="AggregateException"/>), a cancelled one with <see cref="OperationCanceledException"/>
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: its result
    /// fulfills the returned promise; a faulted task rejects it with the task's own exception (not an
    /// <see cref="AggregateException"/>), a cancelled one with <see cref="OperationCanceledException"/>
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise fulfills, nor for an exception that <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it settles as the handler's task does, or
    /// rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<T, Task<TResult>?> onFulfilled, Func<Exception, Task<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Task, onRejected, HandlerKind.Task));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise of no value fulfills
    /// once the one that ran returns.</summary>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). Once it returns, the returned promise fulfills;
    /// an exception it throws rejects it. Not called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). Once it returns, the returned promise fulfills;
    /// an exception it throws rejects it. Not called if this promise fulfills, nor for an exception that
    /// <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it fulfills, with no value, once the handler
    /// has returned, or rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise Then(Action<T> onFulfilled, Action<Exception> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.Action, onRejected, HandlerKind.Action));
    }

    /// <summary>Attaches handlers returning promises of no value; the returned promise adopts the promise of the one
    /// that ran.</summary>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns (of any value type: only
    /// its outcome counts) is adopted: the returned promise settles as that promise does (<see langword="null"/> counts
    /// as returning nothing: fulfills at once; returning the very promise this call returns rejects with
    /// <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not called if
    /// this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns (of any value type: only
    /// its outcome counts) is adopted: the returned promise settles as that promise does (<see langword="null"/> counts
    /// as returning nothing: fulfills at once; returning the very promise this call returns rejects with
    /// <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not called if
    /// this promise fulfills, nor for an exception that <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it settles, with no value, as the handler's
    /// promise does, or rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<T, Promise?> onFulfilled, Func<Exception, Promise?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidPromise, onRejected, HandlerKind.VoidPromise));
    }

    /// <summary>Attaches handlers returning tasks of no value; the returned promise adopts the task of the one that
    /// ran.</summary>
    /// <param name="onFulfilled">Called with this promise's value once this promise fulfills, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: the returned
    /// promise fulfills when it completes, rejects with its own exception if it faults, or with
    /// <see cref="OperationCanceledException"/> if it is cancelled (<see langword="null"/> counts as returning
    /// nothing). An exception it throws rejects the returned promise. Not called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: the returned
    /// promise fulfills when it completes, rejects with its own exception if it faults, or with
    /// <see cref="OperationCanceledException"/> if it is cancelled (<see langword="null"/> counts as returning
    /// nothing). An exception it throws rejects the returned promise. Not called if this promise fulfills, nor for an
    /// exception that <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it settles, with no value, as the handler's
    /// task does, or rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Then(Func<T, Task?> onFulfilled, Func<Exception, Task?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidTask, onRejected, HandlerKind.VoidTask));
    }
}
