using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Calls <paramref name="function"/> now and returns a promise of its value, or rejected with what it throws.</summary>
    /// <typeparam name="T">The type of the value <paramref name="function"/> returns.</typeparam>
    /// <param name="function">Called once, synchronously, inside this call.</param>
    /// <returns>A promise already fulfilled with the value of <paramref name="function"/>, or already rejected with the
    /// exception it threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Promise<T> Try<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        try
        {
            return new Promise<T>(function());
        }
        catch (Exception ex)
        {
            return RejectCaptured<T>(ex);
        }
    }

    /// <summary>Calls <paramref name="function"/> now and returns a promise that adopts the promise it returns
    /// (<see langword="null"/> counts as <c>default</c>), or rejected with what it throws.</summary>
    /// <typeparam name="T">The value type of the promise <paramref name="function"/> returns.</typeparam>
    /// <param name="function">Called once, synchronously, inside this call; the promise it returns is adopted
    /// (<see langword="null"/> counts as <c>default</c>).</param>
    /// <returns>A promise that settles as the promise <paramref name="function"/> returned does, or is already rejected
    /// with the exception it threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public static Promise<T> Try<T>(Func<Promise<T>?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return TryAdopt<T, Promise<T>?>(function, static (adoption, result) => adoption.ResolveWithPromise(result));
    }

    /// <summary>Calls <paramref name="function"/> now and returns a promise that adopts the task it returns, or rejected with what it throws.</summary>
    /// <typeparam name="T">The result type of the task <paramref name="function"/> returns.</typeparam>
    /// <param name="function">Called once, synchronously, inside this call; the task it returns is adopted: a faulted
    /// task rejects with its own exception, a cancelled one with <see cref="OperationCanceledException"/>
    /// (<see langword="null"/> counts as <c>default</c>).</param>
    /// <returns>A promise that settles as the task <paramref name="function"/> returned does, or is already rejected
    /// with the exception it threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public static Promise<T> Try<T>(Func<Task<T>?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return TryAdopt<T, Task<T>?>(function, static (adoption, result) => adoption.ResolveWithTask(result));
    }

    /// <summary>Calls <paramref name="action"/> now and returns a fulfilled promise, or one rejected with what it throws.</summary>
    /// <param name="action">Called once, synchronously, inside this call.</param>
    /// <returns>A promise of no value, already fulfilled if <paramref name="action"/> returned, or already rejected
    /// with the exception it threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    public static Promise Try(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return s_resolved;
        }
        catch (Exception ex)
        {
            return RejectCaptured<VoidResult>(ex);
        }
    }

    /// <summary>Calls <paramref name="function"/> now and returns a promise that adopts the promise it returns, or rejected with what it throws.</summary>
    /// <param name="function">Called once, synchronously, inside this call; the promise it returns (of any value type:
    /// only its outcome counts) is adopted (<see langword="null"/> counts as one already fulfilled).</param>
    /// <returns>A promise of no value that settles as the promise <paramref name="function"/> returned does, or is
    /// already rejected with the exception it threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public static Promise Try(Func<Promise?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return TryAdopt<VoidResult, Promise?>(function, static (adoption, result) => adoption.ResolveWithPromise(result));
    }

    /// <summary>Calls <paramref name="function"/> now and returns a promise that adopts the task it returns, or rejected with what it throws.</summary>
    /// <param name="function">Called once, synchronously, inside this call; the task it returns is adopted: a faulted
    /// task rejects with its own exception, a cancelled one with <see cref="OperationCanceledException"/>
    /// (<see langword="null"/> counts as a completed task).</param>
    /// <returns>A promise of no value that settles as the task <paramref name="function"/> returned does, or is already
    /// rejected with the exception it threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public static Promise Try(Func<Task?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return TryAdopt<VoidResult, Task?>(function, static (adoption, result) => adoption.ResolveWithTask(result));
    }

    // Calls the function now and has a new promise adopt what it returns, as `new Promise(r => r(f()))` does in JavaScript.
    private static AdoptionReaction<T> TryAdopt<T, TResult>(Func<TResult> function, Action<AdoptionReaction<T>, TResult> adopt)
    {
        var adoption = new AdoptionReaction<T>();
        try
        {
            adopt(adoption, function());
        }
        catch (Exception ex)
        {
            adoption.SetRejected(ExceptionDispatchInfo.Capture(ex));
        }

        return adoption;
    }

    private static Promise<T> RejectCaptured<T>(Exception exception)
    {
        var promise = new Promise<T>();
        promise.SetRejected(ExceptionDispatchInfo.Capture(exception));
        return promise;
    }
}
