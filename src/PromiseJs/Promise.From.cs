using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of no value that settles as <paramref name="task"/> does: a faulted task rejects with
    /// its own exception (not an <see cref="AggregateException"/>), a cancelled one with an
    /// <see cref="OperationCanceledException"/>.</summary>
    /// <param name="task">The task to adopt.</param>
    /// <returns>A promise of no value that fulfills when <paramref name="task"/> completes successfully, or rejects
    /// with its exception (the first one, if it has several) or with an <see cref="OperationCanceledException"/>;
    /// already settled if the task has already completed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public static Promise From(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsCompletedSuccessfully)
        {
            return s_resolved;
        }

        var adoption = new AdoptionReaction<VoidResult>();
        adoption.ResolveWithTask(task);
        return adoption;
    }

    /// <summary>Returns a promise that settles as <paramref name="task"/> does: a faulted task rejects with its own
    /// exception (not an <see cref="AggregateException"/>), a cancelled one with an
    /// <see cref="OperationCanceledException"/>.</summary>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <param name="task">The task to adopt.</param>
    /// <returns>A promise that fulfills with the task's result, or rejects with its exception (the first one, if it has
    /// several) or with an <see cref="OperationCanceledException"/>; already settled if the task has already
    /// completed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public static Promise<T> From<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsCompletedSuccessfully)
        {
            return new Promise<T>(task.Result);
        }

        var adoption = new AdoptionReaction<T>();
        adoption.ResolveWithTask(task);
        return adoption;
    }

    /// <summary>Returns a promise of no value that settles as <paramref name="task"/> does.</summary>
    /// <param name="task">The value task to adopt; like any <see cref="ValueTask"/>, it must not be used again after
    /// this call.</param>
    /// <returns>A promise of no value that fulfills when <paramref name="task"/> completes successfully, or rejects
    /// with its own exception or with an <see cref="OperationCanceledException"/> if it is cancelled.</returns>
    public static Promise From(ValueTask task) => task.IsCompletedSuccessfully ? s_resolved : From(task.AsTask());

    /// <summary>Returns a promise that settles as <paramref name="task"/> does.</summary>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <param name="task">The value task to adopt; like any <see cref="ValueTask{TResult}"/>, it must not be used again
    /// after this call.</param>
    /// <returns>A promise that fulfills with the task's result, or rejects with its own exception or with an
    /// <see cref="OperationCanceledException"/> if it is cancelled.</returns>
    public static Promise<T> From<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new Promise<T>(task.Result) : From(task.AsTask());

    /// <summary>Returns <paramref name="promise"/> itself: a promise needs no conversion.</summary>
    /// <param name="promise">The promise.</param>
    /// <returns>The same <paramref name="promise"/> instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    public static Promise From(Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise;
    }

    /// <summary>Returns <paramref name="promise"/> itself: a promise needs no conversion.</summary>
    /// <typeparam name="T">The promise's value type.</typeparam>
    /// <param name="promise">The promise.</param>
    /// <returns>The same <paramref name="promise"/> instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    public static Promise<T> From<T>(Promise<T> promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise;
    }
}
