using System.Runtime.ExceptionServices;

namespace PromiseJs.Context;

/// <summary>
/// A structured scope: a context that is current from <see cref="Open"/> to its disposal, and whose end waits for its
/// children (or cancels them first). When a child fails it cancels the siblings, or lets them run; failures nobody
/// observed surface when the scope ends — the exception itself, or an <see cref="AggregateException"/> when there are
/// several — never silently.
/// </summary>
/// <remarks>Prefer <c>await using</c>: the blocking <c>using</c> form waits on the calling thread, and inside
/// <see cref="PromiseLoop"/> it throws rather than deadlock while children are pending.</remarks>
public sealed class PromiseScope : IDisposable, IAsyncDisposable
{
    private readonly PromiseContextScope _entered;
    private readonly PromiseScopeExit _exit;
    private int _ended;

    private PromiseScope(PromiseScopeOptions? options)
    {
        _exit = options?.Exit ?? PromiseScopeExit.WaitForChildren;
        CancelsSiblingsOnError = (options?.Errors ?? PromiseScopeErrors.CancelSiblings) == PromiseScopeErrors.CancelSiblings;
        Context = new PromiseContext(new PromiseContextOptions
        {
            Name = options?.Name,
            ChildrenStart = options?.ChildrenStart,
            Scheduler = options?.Scheduler,
            CancellationToken = options?.CancellationToken ?? default,
            TimeProvider = options?.TimeProvider,
        });
        Context.AttachScope(this);
        _entered = Context.Enter();
    }

    /// <summary>Gets the scope's context: promises started while it is current become its children.</summary>
    public PromiseContext Context { get; }

    internal bool CancelsSiblingsOnError { get; }

    /// <summary>Opens a scope as a child of the current context and makes it current.</summary>
    /// <param name="options">The scope's settings (exit and error policies, name, children's start policy, scheduler,
    /// token); <see langword="null"/> for the defaults: wait for the children, cancel the siblings of a child that
    /// fails.</param>
    /// <returns>The open scope, already current; end it with <c>await using</c> (or <c>using</c>).</returns>
    public static PromiseScope Open(PromiseScopeOptions? options = null) => new(options);

    /// <summary>Ends the scope, blocking until its children have settled; rethrows failures nobody observed.</summary>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while children are pending
    /// (use <c>await using</c> there).</exception>
    /// <exception cref="PromiseContextException">Called out of order (a context entered inside the scope is still
    /// active) or in another asynchronous flow than the one that opened it; the scope then stays open.</exception>
    public void Dispose()
    {
        // Refused before the scope ends, so it stays open and usable: the caller can still end it with await using.
        if (Volatile.Read(ref _ended) == 0 && _exit == PromiseScopeExit.WaitForChildren && PromiseLoop.IsRunning
            && Context.GetPendingChildren().Count > 0)
        {
            throw DisposeOnTheLoop();
        }

        if (!BeginEnd())
        {
            return;
        }

        Promise children = Context.WhenChildren();
        if (!children.IsSettled && PromiseLoop.IsRunning)
        {
            // Cancelled children that have not finished yet: blocking here would deadlock the loop they need.
            throw DisposeOnTheLoop();
        }

        children.Wait();
        End();
    }

    /// <summary>Ends the scope once its children have settled; rethrows failures nobody observed.</summary>
    /// <returns>A task that completes once the children have settled (cancelled first for
    /// <see cref="PromiseScopeExit.CancelChildren"/>), and faults with the failures nobody observed — the exception
    /// itself, or an <see cref="AggregateException"/> when there are several.</returns>
    /// <exception cref="PromiseContextException">Called out of order (a context entered inside the scope is still
    /// active) or in another asynchronous flow than the one that opened it; the scope then stays open.</exception>
    public ValueTask DisposeAsync() =>
        // Leaves the context here, synchronously, so the caller's flow sees the previous context again; only the wait is async.
        BeginEnd() ? EndAfterChildrenAsync() : default;

    private async ValueTask EndAfterChildrenAsync()
    {
        await Context.WhenChildren();
        End();
    }

    private static InvalidOperationException DisposeOnTheLoop() => new(
        "Dispose of a PromiseScope blocks until its children finish, which cannot happen while it blocks the PromiseLoop thread " +
        "they run on. On a loop thread end the scope with 'await using' (DisposeAsync) instead of 'using'.");

    private bool BeginEnd()
    {
        if (Volatile.Read(ref _ended) != 0)
        {
            return false;
        }

        // Leave the context before marking the scope ended: out of order or in another flow that throws, and the scope
        // stays open, to be ended where it was opened. (Leaving twice is a no-op, so a racing second end is harmless.)
        _entered.Dispose();
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }

        if (_exit == PromiseScopeExit.CancelChildren)
        {
            Context.Cancel();
        }

        return true;
    }

    private void End()
    {
        Context.Complete();
        List<Exception>? unobserved = null;
        foreach (Promise failed in Context.TakeFailedChildren())
        {
            Exception reason = failed.Reason!;
            bool cancelledByScope = reason is OperationCanceledException && Context.IsCancellationRequested;
            if (!failed.IsObserved && !cancelledByScope)
            {
                (unobserved ??= []).Add(reason);
            }

            // The scope reports it (or it was cancellation the scope asked for): not an unhandled rejection any more.
            failed.MarkHandled();
        }

        if (unobserved is [var single])
        {
            ExceptionDispatchInfo.Throw(single);
        }

        if (unobserved is not null)
        {
            throw new AggregateException("Several children of the promise scope failed and nobody observed their errors.", unobserved);
        }
    }
}
