using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Attaches a handler that runs after this promise rejects; the returned promise fulfills with its result
    /// (or with this promise's value, when it fulfills).</summary>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). Its return value fulfills the returned promise;
    /// an exception it throws rejects it. Not called if this promise fulfills.</param>
    /// <returns>A new promise that, when this promise rejects, fulfills with the handler's return value (or rejects
    /// with the exception the handler throws); if this promise fulfills, it fulfills with this promise's value without
    /// calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise<T> Catch(Func<Exception, T> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, T>(null, HandlerKind.None, onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches a rejection handler returning a promise, which the returned promise adopts
    /// (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The promise it returns is adopted: the returned
    /// promise settles as that promise does (<see langword="null"/> counts as <c>default</c>; returning the very
    /// promise this call returns rejects with <see cref="InvalidOperationException"/>). An exception it throws rejects
    /// the returned promise. Not called if this promise fulfills.</param>
    /// <returns>A new promise that, when this promise rejects, settles as the handler's promise does (or rejects with
    /// the exception the handler throws); if this promise fulfills, it fulfills with this promise's value without
    /// calling the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<T> Catch(Func<Exception, Promise<T>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, T>(null, HandlerKind.None, onRejected, HandlerKind.Promise));
    }

    /// <summary>Attaches a rejection handler returning a task, which the returned promise adopts
    /// (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <param name="onRejected">Called with this promise's reason once this promise rejects, asynchronously, never
    /// inside this call (even when this promise has already settled). The task it returns is adopted: its result
    /// fulfills the returned promise; a faulted task rejects it with the task's own exception (not an
    /// <see cref="AggregateException"/>), a cancelled one with <see cref="OperationCanceledException"/>
    /// (<see langword="null"/> counts as <c>default</c>). An exception it throws rejects the returned promise. Not
    /// called if this promise fulfills.</param>
    /// <returns>A new promise that, when this promise rejects, settles as the handler's task does (or rejects with the
    /// exception the handler throws); if this promise fulfills, it fulfills with this promise's value without calling
    /// the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<T> Catch(Func<Exception, Task<T>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, T>(null, HandlerKind.None, onRejected, HandlerKind.Task));
    }

    /// <summary>Attaches a handler for reasons of type <typeparamref name="TException"/>; other reasons pass through
    /// untouched.</summary>
    /// <typeparam name="TException">The type of exception to handle, derived types included.</typeparam>
    /// <param name="onRejected">Called with the reason, as a <typeparamref name="TException"/>, once this promise
    /// rejects with an exception of that type, asynchronously, never inside this call (even when this promise has
    /// already settled). Its return value fulfills the returned promise; an exception it throws rejects it. Not called
    /// when this promise fulfills or rejects with another exception type.</param>
    /// <returns>A new promise that, when this promise rejects with a <typeparamref name="TException"/>, fulfills with
    /// the handler's return value (or rejects with the exception the handler throws); otherwise it settles as this
    /// promise did: it fulfills with this promise's value if this promise fulfills, and rejects with the same reason if
    /// the reason is of another type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise<T> Catch<TException>(Func<TException, T> onRejected)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new CatchReaction<TException, T>(onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches a promise-returning handler for reasons of type <typeparamref name="TException"/>; other
    /// reasons pass through untouched.</summary>
    /// <typeparam name="TException">The type of exception to handle, derived types included.</typeparam>
    /// <param name="onRejected">Called with the reason, as a <typeparamref name="TException"/>, once this promise
    /// rejects with an exception of that type, asynchronously, never inside this call (even when this promise has
    /// already settled). The promise it returns is adopted: the returned promise settles as that promise does
    /// (<see langword="null"/> counts as <c>default</c>; returning the very promise this call returns rejects with
    /// <see cref="InvalidOperationException"/>). An exception it throws rejects the returned promise. Not called when
    /// this promise fulfills or rejects with another exception type.</param>
    /// <returns>A new promise that, when this promise rejects with a <typeparamref name="TException"/>, settles as the
    /// handler's promise does (or rejects with the exception the handler throws); otherwise it settles as this promise
    /// did: it fulfills with this promise's value if this promise fulfills, and rejects with the same reason if the
    /// reason is of another type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<T> Catch<TException>(Func<TException, Promise<T>?> onRejected)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new CatchReaction<TException, T>(onRejected, HandlerKind.Promise));
    }
}
