using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Attaches a handler that runs after this promise rejects; the returned promise fulfills with its result
    /// (or with this promise's value, when it fulfills).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise<T> Catch(Func<Exception, T> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, T>(null, HandlerKind.None, onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches a rejection handler returning a promise, which the returned promise adopts (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<T> Catch(Func<Exception, Promise<T>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, T>(null, HandlerKind.None, onRejected, HandlerKind.Promise));
    }

    /// <summary>Attaches a rejection handler returning a task, which the returned promise adopts (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise<T> Catch(Func<Exception, Task<T>?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<T, T>(null, HandlerKind.None, onRejected, HandlerKind.Task));
    }

    /// <summary>Attaches a handler for reasons of type <typeparamref name="TException"/>; other reasons pass through untouched.</summary>
    /// <typeparam name="TException">The type of exception to handle.</typeparam>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise<T> Catch<TException>(Func<TException, T> onRejected)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new CatchReaction<TException, T>(onRejected, HandlerKind.Value));
    }

    /// <summary>Attaches a promise-returning handler for reasons of type <typeparamref name="TException"/>; other reasons pass through untouched.</summary>
    /// <typeparam name="TException">The type of exception to handle.</typeparam>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<T> Catch<TException>(Func<TException, Promise<T>?> onRejected)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new CatchReaction<TException, T>(onRejected, HandlerKind.Promise));
    }
}
