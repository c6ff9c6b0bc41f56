using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>
/// A promise that is also the queued job settling it (ECMAScript's PromiseReaction record and its derived promise in one
/// object, so <c>Then</c> allocates nothing else). It captures where it runs and the <see cref="ExecutionContext"/> when it is
/// created, and owns the promise resolution procedure (Promises/A+ 2.3) for whatever its handler returns.
/// </summary>
internal abstract class PromiseReaction<T> : Promise<T>
{
    // No fields of its own: until it settles, its ReactionContext (the scheduling seam's choice and the ExecutionContext
    // current at attachment, so handlers see the AsyncLocal values of the code that attached them) lives in _rejection.
    protected PromiseReaction()
    {
        _rejection = ReactionContext.Capture();
    }

    // Valid until this promise settles.
    private PromiseScheduler Scheduler => ((ReactionContext)_rejection!).Scheduler;

    internal sealed override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(Scheduler, this, source);

    internal sealed override void RunJob(Promise? source)
    {
        switch (_state)
        {
            case StatePending:
                RunInContext(source!);
                break;
            case StateAdoptStep1:
                // ECMAScript's NewPromiseResolveThenableJob for one of our promises: subscribe to it (one tick later).
                _state = StateAdoptStep2;
                source!.AddReaction(this);
                break;
            case StateAdoptStep2:
                SettleFrom(source!);
                break;
        }
    }

    /// <summary>Runs the handler for the settled <paramref name="source"/>; never throws.</summary>
    protected abstract void Execute(Promise source);

    private void RunInContext(Promise source)
    {
        ExecutionContext? context = ((ReactionContext)_rejection!).ExecutionContext;
        if (context is null)
        {
            Execute(source);
            return;
        }

        ExecutionContext? previous = ExecutionContext.Capture();
        if (previous == context)
        {
            Execute(source);
            return;
        }

        if (previous is null)
        {
            // Flow is suppressed on this thread: fall back to Run, which restores whatever was there.
            ExecutionContext.Run(context, static state => ((ExecuteState)state!).Run(), new ExecuteState(this, source));
            return;
        }

        ExecutionContext.Restore(context);
        try
        {
            Execute(source);
        }
        finally
        {
            ExecutionContext.Restore(previous);
        }
    }

    // ----- the resolution procedure -----

    /// <summary>Invokes a handler of the given shape with <paramref name="argument"/> and resolves this promise with its result.</summary>
    private protected void InvokeHandler<TArg>(HandlerKind kind, object handler, TArg argument)
    {
        try
        {
            switch (kind)
            {
                case HandlerKind.Value:
                    SetFulfilled(Unsafe.As<Func<TArg, T>>(handler)(argument));
                    break;
                case HandlerKind.ValueNoArg:
                    SetFulfilled(Unsafe.As<Func<T>>(handler)());
                    break;
                case HandlerKind.Action:
                    Unsafe.As<Action<TArg>>(handler)(argument);
                    SetFulfilled(default!);
                    break;
                case HandlerKind.ActionNoArg:
                    Unsafe.As<Action>(handler)();
                    SetFulfilled(default!);
                    break;
                case HandlerKind.Promise:
                    ResolveWithPromise(Unsafe.As<Func<TArg, Promise<T>?>>(handler)(argument), atEndOfJob: true);
                    break;
                case HandlerKind.PromiseNoArg:
                    ResolveWithPromise(Unsafe.As<Func<Promise<T>?>>(handler)(), atEndOfJob: true);
                    break;
                case HandlerKind.VoidPromise:
                    ResolveWithPromise(Unsafe.As<Func<TArg, Promise?>>(handler)(argument), atEndOfJob: true);
                    break;
                case HandlerKind.VoidPromiseNoArg:
                    ResolveWithPromise(Unsafe.As<Func<Promise?>>(handler)(), atEndOfJob: true);
                    break;
                case HandlerKind.Task:
                    ResolveWithTask(Unsafe.As<Func<TArg, Task<T>?>>(handler)(argument));
                    break;
                case HandlerKind.TaskNoArg:
                    ResolveWithTask(Unsafe.As<Func<Task<T>?>>(handler)());
                    break;
                case HandlerKind.VoidTask:
                    ResolveWithTask(Unsafe.As<Func<TArg, Task?>>(handler)(argument));
                    break;
                case HandlerKind.VoidTaskNoArg:
                    ResolveWithTask(Unsafe.As<Func<Task?>>(handler)());
                    break;
                case HandlerKind.Thenable:
                    ResolveWithThenable(Unsafe.As<Func<TArg, IThenable<T>?>>(handler)(argument), atEndOfJob: true);
                    break;
                case HandlerKind.ThenableNoArg:
                    ResolveWithThenable(Unsafe.As<Func<IThenable<T>?>>(handler)(), atEndOfJob: true);
                    break;
                default:
                    throw new System.Diagnostics.UnreachableException();
            }
        }
        catch (Exception ex)
        {
            SetRejected(ExceptionDispatchInfo.Capture(ex));
        }
    }

    /// <summary>Resolves with one of our promises: two jobs later, as V8's NewPromiseResolveThenableJob; <see langword="null"/> means <c>default</c>.</summary>
    /// <param name="promise">The promise to adopt. For a value-less <typeparamref name="T"/> any promise will do: only its outcome is adopted.</param>
    /// <param name="atEndOfJob">Whether this is the last thing the running job does (a handler's result), so no user code
    /// runs before the job's end.</param>
    internal void ResolveWithPromise(Promise? promise, bool atEndOfJob = false)
    {
        if (promise is null)
        {
            SetFulfilled(default!);
        }
        else if (promise == this)
        {
            SetRejected(ExceptionDispatchInfo.Capture(SelfResolution()));
        }
        else if (atEndOfJob && Scheduler is LoopCore loop && loop.IsIdleOnThisThread)
        {
            // The two adoption jobs would run next, back to back, with nothing between them or before them that could
            // observe the difference: do their work now. Same order as node, two queue round trips fewer.
            if (promise.IsSettled)
            {
                promise.MarkHandled();
                SettleFrom(promise);
            }
            else
            {
                _state = StateAdoptStep2;
                promise.AddReaction(this);
            }
        }
        else
        {
            _state = StateAdoptStep1;
            JobScheduler.Enqueue(Scheduler, this, promise);
        }
    }

    /// <summary>Resolves with a task: at once if it has completed, else one job after it completes.</summary>
    internal void ResolveWithTask(Task? task)
    {
        if (task is null)
        {
            SetFulfilled(default!);
        }
        else if (task.IsCompleted)
        {
            SettleFromTask(task);
        }
        else
        {
            _state = StateAdoptForeign;
            Scheduler.OperationStarted();

            // Settled inline by the thread that completes the task, as an async function's promise settles when the
            // function returns: only this promise's reactions are queued then, where they belong. (An await-style
            // continuation would be sent to the thread pool whenever a SynchronizationContext, such as the loop's, is current.)
            task.ContinueWith(
                static (task, state) => ((PromiseReaction<T>)state!).CompleteFromTask(task),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void CompleteFromTask(Task task)
    {
        // Read before settling: settling reuses the field that holds it.
        PromiseScheduler scheduler = Scheduler;
        SettleFromTask(task);
        scheduler.OperationCompleted();
    }

    /// <summary>Resolves with a thenable: ours are adopted as promises; a foreign one is called once, in a later job (A+ 2.3.3).</summary>
    internal void ResolveWithThenable(IThenable<T>? thenable, bool atEndOfJob = false)
    {
        if (thenable is null)
        {
            SetFulfilled(default!);
        }
        else if (thenable is Promise<T> promise)
        {
            ResolveWithPromise(promise, atEndOfJob);
        }
        else
        {
            _state = StateAdoptForeign;
            JobScheduler.Enqueue(Scheduler, new ThenableResolver(this, thenable), null);
        }
    }

    private void SettleFromTask(Task task)
    {
        int expected = Volatile.Read(ref _state) == StateAdoptForeign ? StateAdoptForeign : StatePending;
        if (task.IsCompletedSuccessfully)
        {
            T value = typeof(T) == typeof(VoidResult) || task is not Task<T> typed ? default! : typed.Result;
            if (expected == StatePending)
            {
                SetFulfilled(value);
            }
            else
            {
                TryFulfill(value, expected);
            }

            return;
        }

        ExceptionDispatchInfo reason;
        try
        {
            // Rethrows the task's own exception (not an AggregateException), or a TaskCanceledException.
            task.GetAwaiter().GetResult();
            throw new System.Diagnostics.UnreachableException();
        }
        catch (Exception ex)
        {
            reason = ExceptionDispatchInfo.Capture(ex);
        }

        if (expected == StatePending)
        {
            SetRejected(reason);
        }
        else
        {
            TryReject(reason, expected);
        }
    }

    internal static InvalidOperationException SelfResolution() =>
        new("A promise cannot be resolved with itself: a handler returned the very promise its Then created (a cycle).");

    private sealed class ExecuteState(PromiseReaction<T> reaction, Promise source)
    {
        public void Run() => reaction.Execute(source);
    }

    // The resolving functions handed to a foreign thenable: the first call of either wins (A+ 2.3.3.3.3).
    private sealed class ThenableResolver(PromiseReaction<T> target, IThenable<T> thenable) : Reaction
    {
        private int _called;

        // ECMAScript's NewPromiseResolveThenableJob for a foreign thenable: call its then, once.
        internal override void RunJob(Promise? source)
        {
            try
            {
                thenable.Then(ResolveOnce, RejectOnce);
            }
            catch (Exception ex)
            {
                // A+ 2.3.3.3.4: a throw after a resolving function was called is ignored.
                if (Interlocked.Exchange(ref _called, 1) == 0)
                {
                    target.TryReject(ExceptionDispatchInfo.Capture(ex), StateAdoptForeign);
                }
            }
        }

        private void ResolveOnce(T value)
        {
            if (Interlocked.Exchange(ref _called, 1) == 0)
            {
                target.TryFulfill(value, StateAdoptForeign);
            }
        }

        private void RejectOnce(Exception reason)
        {
            if (Interlocked.Exchange(ref _called, 1) == 0)
            {
                target.TryReject(ExceptionDispatchInfo.Capture(reason ?? new ArgumentNullException(nameof(reason))), StateAdoptForeign);
            }
        }
    }
}
