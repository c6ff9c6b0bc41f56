using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

// Overload priorities, shared by every handler family (they only break ties, for lambdas such as `() => throw e` or
// `() => null` that fit several shapes; ordinary lambdas bind by C#'s usual rules): task shapes 3, promise shapes 2,
// thenable, value and action shapes 0. Any order in which a value shape outranked an adopting shape would turn
// `x => otherPromise` into a promise of a promise. Thenable shapes share the value shapes' rank on purpose: adoption of a
// thenable is type-directed, as for Promise.Resolve — a lambda returning a concrete thenable class binds to the value
// shape by C#'s rules (identity beats a conversion to the interface), one returning an IThenable<R> to the thenable shape
// (the more specific parameter type wins the tie).
public partial class Promise
{
    internal const int TaskPriority = 3;
    internal const int PromisePriority = 2;

    /// <summary>Attaches a handler that runs after this promise fulfills; the returned promise fulfills once it has
    /// run. A rejection passes through.</summary>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). Once it returns, the returned promise fulfills; an exception it throws
    /// rejects it. Not called if this promise rejects.</param>
    /// <returns>A new promise that fulfills, with no value, once the handler has returned, or rejects with the
    /// exception the handler throws; if this promise rejects, it rejects with the same reason without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise Then(Action onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.ActionNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that runs after this promise fulfills; the returned promise fulfills with its
    /// result. A rejection passes through.</summary>
    /// <typeparam name="TResult">The type of the value the handler returns, and so of the returned promise.</typeparam>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). Its return value fulfills the returned promise; an exception it throws
    /// rejects it. Not called if this promise rejects.</param>
    /// <returns>A new promise that fulfills with the handler's return value, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<TResult> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.ValueNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a promise, which the returned promise adopts (<see langword="null"/>
    /// counts as <c>default</c>). A rejection passes through.</summary>
    /// <typeparam name="TResult">The value type of the promise the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The promise it returns is adopted: the returned promise settles as that
    /// promise does (<see langword="null"/> counts as <c>default</c>; returning the very promise this call returns
    /// rejects with <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not
    /// called if this promise rejects.</param>
    /// <returns>A new promise that settles as the handler's promise does, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<Promise<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.PromiseNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a task, which the returned promise adopts (<see langword="null"/>
    /// counts as <c>default</c>). A rejection passes through.</summary>
    /// <typeparam name="TResult">The result type of the task the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The task it returns is adopted: its result fulfills the returned promise; a
    /// faulted task rejects it with the task's own exception (not an <see cref="AggregateException"/>), a cancelled one
    /// with <see cref="OperationCanceledException"/> (<see langword="null"/> counts as <c>default</c>). An exception it
    /// throws rejects the returned promise. Not called if this promise rejects.</param>
    /// <returns>A new promise that settles as the handler's task does, or rejects with the exception the handler
    /// throws; if this promise rejects, it rejects with the same reason without calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<Task<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.TaskNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a promise of no value, which the returned promise adopts. A rejection
    /// passes through.</summary>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The promise it returns (of any value type: only its outcome counts) is
    /// adopted: the returned promise settles as that promise does (<see langword="null"/> counts as returning nothing:
    /// fulfills at once; returning the very promise this call returns rejects with
    /// <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not called if
    /// this promise rejects.</param>
    /// <returns>A new promise that settles, with no value, as the handler's promise does, or rejects with the exception
    /// the handler throws; if this promise rejects, it rejects with the same reason without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<Promise?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidPromiseNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a task of no value, which the returned promise adopts. A rejection
    /// passes through.</summary>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The task it returns is adopted: the returned promise fulfills when it
    /// completes, rejects with its own exception if it faults, or with <see cref="OperationCanceledException"/> if it
    /// is cancelled (<see langword="null"/> counts as returning nothing). An exception it throws rejects the returned
    /// promise. Not called if this promise rejects.</param>
    /// <returns>A new promise that settles, with no value, as the handler's task does, or rejects with the exception
    /// the handler throws; if this promise rejects, it rejects with the same reason without calling the
    /// handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Then(Func<Task?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidTaskNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise fulfills once the one
    /// that ran returns.</summary>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). Once it returns, the returned promise fulfills; an exception it throws
    /// rejects it. Not called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). Once it returns, the returned promise fulfills;
    /// an exception it throws rejects it. Not called if this promise fulfills, nor for an exception that
    /// <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it fulfills, with no value, once the handler
    /// has returned, or rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise Then(Action onFulfilled, Action<Exception> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.ActionNoArg, onRejected, HandlerKind.Action));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise fulfills with the
    /// result of the one that ran.</summary>
    /// <typeparam name="TResult">The type of the value the handler returns, and so of the returned promise.</typeparam>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). Its return value fulfills the returned promise; an exception it throws
    /// rejects it. Not called if this promise rejects.</param>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). Its return value fulfills the returned promise;
    /// an exception it throws rejects it. Not called if this promise fulfills, nor for an exception that
    /// <paramref name="onFulfilled"/> throws.</param>
    /// <returns>A new promise that settles through whichever handler ran: it fulfills with the handler's return value,
    /// or rejects with the exception the handler throws.</returns>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<TResult> onFulfilled, Func<Exception, TResult> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.ValueNoArg, onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches promise-returning handlers for fulfillment and rejection; the returned promise adopts the
    /// promise of the one that ran.</summary>
    /// <typeparam name="TResult">The value type of the promise the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The promise it returns is adopted: the returned promise settles as that
    /// promise does (<see langword="null"/> counts as <c>default</c>; returning the very promise this call returns
    /// rejects with <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not
    /// called if this promise rejects.</param>
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
    public Promise<TResult> Then<TResult>(Func<Promise<TResult>?> onFulfilled, Func<Exception, Promise<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.PromiseNoArg, onRejected, HandlerKind.Promise));
    }

    /// <summary>Attaches task-returning handlers for fulfillment and rejection; the returned promise adopts the task of
    /// the one that ran.</summary>
    /// <typeparam name="TResult">The result type of the task the handler returns, and so of the returned
    /// promise.</typeparam>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The task it returns is adopted: its result fulfills the returned promise; a
    /// faulted task rejects it with the task's own exception (not an <see cref="AggregateException"/>), a cancelled one
    /// with <see cref="OperationCanceledException"/> (<see langword="null"/> counts as <c>default</c>). An exception it
    /// throws rejects the returned promise. Not called if this promise rejects.</param>
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
    public Promise<TResult> Then<TResult>(Func<Task<TResult>?> onFulfilled, Func<Exception, Task<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.TaskNoArg, onRejected, HandlerKind.Task));
    }

    /// <summary>Attaches handlers returning promises of no value; the returned promise adopts the promise of the one
    /// that ran.</summary>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The promise it returns (of any value type: only its outcome counts) is
    /// adopted: the returned promise settles as that promise does (<see langword="null"/> counts as returning nothing:
    /// fulfills at once; returning the very promise this call returns rejects with
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
    public Promise Then(Func<Promise?> onFulfilled, Func<Exception, Promise?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidPromiseNoArg, onRejected, HandlerKind.VoidPromise));
    }

    /// <summary>Attaches handlers returning tasks of no value; the returned promise adopts the task of the one that
    /// ran.</summary>
    /// <param name="onFulfilled">Called once this promise fulfills, asynchronously, never inside this call (even when
    /// this promise has already settled). The task it returns is adopted: the returned promise fulfills when it
    /// completes, rejects with its own exception if it faults, or with <see cref="OperationCanceledException"/> if it
    /// is cancelled (<see langword="null"/> counts as returning nothing). An exception it throws rejects the returned
    /// promise. Not called if this promise rejects.</param>
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
    public Promise Then(Func<Task?> onFulfilled, Func<Exception, Task?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidTaskNoArg, onRejected, HandlerKind.VoidTask));
    }

    private protected TReaction Attach<TReaction>(TReaction reaction)
        where TReaction : Promise
    {
        AddReaction(reaction);
        return reaction;
    }
}
