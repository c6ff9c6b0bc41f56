using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise<T>
{
    /// <summary>Attaches a callback that runs after this promise settles either way; the returned promise settles as
    /// this one did, unless the callback throws, which then wins.</summary>
    /// <param name="onFinally">Called with no arguments once this promise settles, whether it fulfills or rejects,
    /// asynchronously, never inside this call (even when this promise has already settled). Once it returns, the
    /// original outcome passes through; an exception it throws rejects the returned promise instead.</param>
    /// <returns>A new promise that, once the callback has returned, settles as this promise did (it fulfills with this
    /// promise's value, or rejects with the same reason); if the callback throws, it rejects with that
    /// exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFinally"/> is <see langword="null"/>.</exception>
    public new Promise<T> Finally(Action onFinally)
    {
        ArgumentNullException.ThrowIfNull(onFinally);
        return Attach(new FinallyReaction<T>(onFinally, HandlerKind.ActionNoArg));
    }

    /// <summary>Attaches a callback returning a promise that is waited for before the original outcome passes through;
    /// if that promise rejects, its reason wins.</summary>
    /// <param name="onFinally">Called with no arguments once this promise settles, whether it fulfills or rejects,
    /// asynchronously, never inside this call (even when this promise has already settled). The promise it returns (of
    /// any value type; its value is ignored) is waited for before the original outcome passes through
    /// (<see langword="null"/> counts as one already fulfilled); if it rejects, or the callback throws, that exception
    /// rejects the returned promise instead.</param>
    /// <returns>A new promise that, once the callback's promise has fulfilled, settles as this promise did (it fulfills
    /// with this promise's value, or rejects with the same reason); if the callback throws or its promise rejects, it
    /// rejects with that exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFinally"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public new Promise<T> Finally(Func<Promise?> onFinally)
    {
        ArgumentNullException.ThrowIfNull(onFinally);
        return Attach(new FinallyReaction<T>(onFinally, HandlerKind.VoidPromiseNoArg));
    }

    /// <summary>Attaches a callback returning a task that is waited for before the original outcome passes through; if
    /// that task fails, its exception wins.</summary>
    /// <param name="onFinally">Called with no arguments once this promise settles, whether it fulfills or rejects,
    /// asynchronously, never inside this call (even when this promise has already settled). The task it returns is
    /// waited for before the original outcome passes through (<see langword="null"/> counts as a completed task); if it
    /// faults (its own exception), is cancelled (<see cref="OperationCanceledException"/>) or the callback throws, that
    /// exception rejects the returned promise instead.</param>
    /// <returns>A new promise that, once the callback's task has completed successfully, settles as this promise did
    /// (it fulfills with this promise's value, or rejects with the same reason); if the callback throws or its task
    /// fails, it rejects with that exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onFinally"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public new Promise<T> Finally(Func<Task?> onFinally)
    {
        ArgumentNullException.ThrowIfNull(onFinally);
        return Attach(new FinallyReaction<T>(onFinally, HandlerKind.VoidTaskNoArg));
    }
}
