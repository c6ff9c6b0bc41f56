using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Attaches a handler that runs with the value after this promise fulfills; the returned promise fulfills with
    /// its result, or rejects with what it throws. A rejection passes through.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<T, TResult> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Value, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a promise, which the returned promise adopts (never a promise of a promise;
    /// <see langword="null"/> counts as <c>default</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<T, Promise<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Promise, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a thenable, which the returned promise adopts (Promises/A+ 2.3.3).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(ThenablePriority)]
    public Promise<TResult> Then<TResult>(Func<T, IThenable<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Thenable, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a task (an <c>async x => …</c> lambda with a value), which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<T, Task<TResult>?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Task, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler that runs with the value after this promise fulfills; the returned promise of no value
    /// fulfills once it has run.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    public Promise Then(Action<T> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.Action, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a promise of no value (<c>x => Promise.Delay(10)</c>), which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<T, Promise?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidPromise, null, HandlerKind.None));
    }

    /// <summary>Attaches a handler returning a task of no value (an <c>async x => { … }</c> lambda), which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFulfilled"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Then(Func<T, Task?> onFulfilled)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidTask, null, HandlerKind.None));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise fulfills with the result of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise<TResult> Then<TResult>(Func<T, TResult> onFulfilled, Func<Exception, TResult> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Value, onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches promise-returning handlers for fulfillment and rejection; the returned promise adopts the promise of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Then<TResult>(Func<T, Promise<TResult>?> onFulfilled, Func<Exception, Promise<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Promise, onRejected, HandlerKind.Promise));
    }

    /// <summary>Attaches thenable-returning handlers for fulfillment and rejection; the returned promise adopts the thenable of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(ThenablePriority)]
    public Promise<TResult> Then<TResult>(Func<T, IThenable<TResult>?> onFulfilled, Func<Exception, IThenable<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Thenable, onRejected, HandlerKind.Thenable));
    }

    /// <summary>Attaches task-returning handlers for fulfillment and rejection; the returned promise adopts the task of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<TResult> Then<TResult>(Func<T, Task<TResult>?> onFulfilled, Func<Exception, Task<TResult>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, TResult>(onFulfilled, HandlerKind.Task, onRejected, HandlerKind.Task));
    }

    /// <summary>Attaches one handler for fulfillment and one for rejection; the returned promise of no value fulfills once the one that ran returns.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    public Promise Then(Action<T> onFulfilled, Action<Exception> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.Action, onRejected, HandlerKind.Action));
    }

    /// <summary>Attaches handlers returning promises of no value; the returned promise adopts the promise of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Then(Func<T, Promise?> onFulfilled, Func<Exception, Promise?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidPromise, onRejected, HandlerKind.VoidPromise));
    }

    /// <summary>Attaches handlers returning tasks of no value; the returned promise adopts the task of the one that ran.</summary>
    /// <exception cref="ArgumentNullException">A handler is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Then(Func<T, Task?> onFulfilled, Func<Exception, Task?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onFulfilled);
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, VoidResult>(onFulfilled, HandlerKind.VoidTask, onRejected, HandlerKind.VoidTask));
    }
}
