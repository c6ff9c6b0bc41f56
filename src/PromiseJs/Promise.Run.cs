using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Runs <paramref name="function"/> as a new node of the promise tree, on the node's scheduler (the thread
    /// pool unless a context or loop says otherwise), and returns a promise of its value.</summary>
    /// <typeparam name="T">The type of the value <paramref name="function"/> returns.</typeparam>
    /// <param name="function">The work, called once on the node's scheduler, never inside this call: queued at once for
    /// an <see cref="PromiseStart.Eager"/> node, on the first <c>Then</c>/<c>await</c>/<c>Wait</c> for a
    /// <see cref="PromiseStart.Lazy"/> one. Promises it starts become children of the new node. Its return value
    /// fulfills the returned promise; an exception it throws rejects it.</param>
    /// <param name="options">The node's settings (name, parent, start policy, scheduler…); <see langword="null"/>
    /// inherits.</param>
    /// <returns>The node's promise: it fulfills with the value of <paramref name="function"/>, or rejects with the
    /// exception it throws, or with an <see cref="OperationCanceledException"/> if the node is cancelled while it is
    /// pending.</returns>
    /// <remarks>Unlike <see cref="Task.Run(Action)"/>, the work is a node of a tree: it can be inspected, awaited with
    /// its children, and cancelled with them (a cancelled node's promise rejects with
    /// <see cref="OperationCanceledException"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Promise<T> Run<T>(Func<T> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartWork<T>(function, HandlerKind.ValueNoArg, options);
    }

    /// <summary>Calls the asynchronous <paramref name="function"/> now as a new node of the promise tree (like a
    /// JavaScript async function call) and returns a promise that settles as the promise it returns does.</summary>
    /// <typeparam name="T">The value type of the promise <paramref name="function"/> returns.</typeparam>
    /// <param name="function">The work, called inside this call as the new node (later, on the first
    /// <c>Then</c>/<c>await</c>/<c>Wait</c>, for a <see cref="PromiseStart.Lazy"/> node); promises it starts become
    /// children of the node. The promise it returns is adopted (<see langword="null"/> counts as <c>default</c>); an
    /// exception it throws rejects the returned promise.</param>
    /// <param name="options">The node's settings (name, parent, start policy, scheduler…); <see langword="null"/>
    /// inherits.</param>
    /// <returns>The node's promise: it settles as the promise <paramref name="function"/> returns does, rejects with
    /// the exception it throws, or rejects with an <see cref="OperationCanceledException"/> if the node is cancelled
    /// while it is pending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public static Promise<T> Run<T>(Func<Promise<T>?> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartWork<T>(function, HandlerKind.PromiseNoArg, options);
    }

    /// <summary>Calls the asynchronous <paramref name="function"/> now as a new node of the promise tree and returns a
    /// promise that settles as the task it returns does.</summary>
    /// <typeparam name="T">The result type of the task <paramref name="function"/> returns.</typeparam>
    /// <param name="function">The work (an <c>async () => …</c> lambda), called inside this call as the new node
    /// (later, on the first <c>Then</c>/<c>await</c>/<c>Wait</c>, for a <see cref="PromiseStart.Lazy"/> node); promises
    /// it starts become children of the node. The task it returns is adopted: a faulted task rejects with its own
    /// exception, a cancelled one with <see cref="OperationCanceledException"/> (<see langword="null"/> counts as
    /// <c>default</c>); an exception it throws rejects the returned promise.</param>
    /// <param name="options">The node's settings (name, parent, start policy, scheduler…); <see langword="null"/>
    /// inherits.</param>
    /// <returns>The node's promise: it settles as the task <paramref name="function"/> returns does, rejects with the
    /// exception it throws, or rejects with an <see cref="OperationCanceledException"/> if the node is cancelled while
    /// it is pending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public static Promise<T> Run<T>(Func<Task<T>?> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartWork<T>(function, HandlerKind.TaskNoArg, options);
    }

    /// <summary>Runs <paramref name="action"/> as a new node of the promise tree, on the node's scheduler.</summary>
    /// <param name="action">The work; promises it starts become children of the new node.</param>
    /// <param name="options">The node's settings; <see langword="null"/> inherits.</param>
    /// <returns>The node's promise of no value: it fulfills once <paramref name="action"/> has returned, or rejects
    /// with the exception it throws, or with an <see cref="OperationCanceledException"/> if the node is cancelled while
    /// it is pending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    public static Promise Run(Action action, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return StartWork<VoidResult>(action, HandlerKind.ActionNoArg, options);
    }

    /// <summary>Calls the asynchronous <paramref name="function"/> now as a new node of the promise tree and returns a promise
    /// that settles as the promise it returns does.</summary>
    /// <param name="function">The work; promises it starts become children of the new node.</param>
    /// <param name="options">The node's settings; <see langword="null"/> inherits.</param>
    /// <returns>The node's promise of no value: it settles as the promise <paramref name="function"/> returns does
    /// (<see langword="null"/> fulfills at once), rejects with the exception it throws, or rejects with an
    /// <see cref="OperationCanceledException"/> if the node is cancelled while it is pending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public static Promise Run(Func<Promise?> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartWork<VoidResult>(function, HandlerKind.VoidPromiseNoArg, options);
    }

    /// <summary>Calls the asynchronous <paramref name="function"/> now as a new node of the promise tree and returns a promise
    /// that settles as the task it returns does.</summary>
    /// <param name="function">The work; promises it starts become children of the new node.</param>
    /// <param name="options">The node's settings; <see langword="null"/> inherits.</param>
    /// <returns>The node's promise of no value: it settles as the task <paramref name="function"/> returns does
    /// (<see langword="null"/> fulfills at once), rejects with the exception it throws, or rejects with an
    /// <see cref="OperationCanceledException"/> if the node is cancelled while it is pending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public static Promise Run(Func<Task?> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartWork<VoidResult>(function, HandlerKind.VoidTaskNoArg, options);
    }

    private static WorkPromise<T> StartWork<T>(object work, HandlerKind kind, PromiseContextOptions? options)
    {
        var promise = new WorkPromise<T>(new PromiseContext(options, explicitContext: false), work, kind);
        promise.Begin();
        return promise;
    }
}
