using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

// Overload priorities, shared by every handler family (they only break ties, for lambdas such as `() => throw e` or
// `() => null` that fit several shapes; ordinary lambdas bind by C#'s usual rules): task shapes 3, promise shapes 2,
// thenable shapes 1, value and action shapes 0. Any order in which a value shape outranked an adopting shape would
// turn `x => otherPromise` into a promise of a promise.
public partial class Promise
{
    internal const int TaskPriority = 3;
    internal const int PromisePriority = 2;
    internal const int ThenablePriority = 1;

    /// <summary>Attaches a handler that runs after this promise fulfills; the returned promise settles when it has run.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise Then(Action onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.ActionNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that runs after this promise fulfills; the returned promise fulfills with its result.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<TResult> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.ValueNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a promise, which the returned promise adopts (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<Promise<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.PromiseNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a task, which the returned promise adopts (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<Task<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.TaskNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a promise of no value, which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<Promise?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidPromiseNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that returns a task of no value, which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Then(Func<Task?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidTaskNoArg, null, HandlerKind.None));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise settles when the one that ran returns.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise Then(Action onFulfilled, Action<Exception> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.ActionNoArg, onRejected, HandlerKind.Action));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise fulfills with the result of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<TResult> onFulfilled, Func<Exception, TResult> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.ValueNoArg, onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches promise-returning handlers for fulfillment and rejection; the returned promise adopts the promise of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<Promise<TResult>?> onFulfilled, Func<Exception, Promise<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.PromiseNoArg, onRejected, HandlerKind.Promise));
    }

    /// <summary>Attaches task-returning handlers for fulfillment and rejection; the returned promise adopts the task of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<Task<TResult>?> onFulfilled, Func<Exception, Task<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, TResult>(onFulfilled, HandlerKind.TaskNoArg, onRejected, HandlerKind.Task));
    }

    /// <summary>Attaches handlers returning promises of no value; the returned promise adopts the promise of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<Promise?> onFulfilled, Func<Exception, Promise?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(onFulfilled, HandlerKind.VoidPromiseNoArg, onRejected, HandlerKind.VoidPromise));
    }

    /// <summary>Attaches handlers returning tasks of no value; the returned promise adopts the task of the one that ran.</summary>
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
