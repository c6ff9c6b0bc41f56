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

    // Its scheduler refused the job (Post threw): the handler cannot run where it belongs, so this promise rejects with
    // the scheduler's exception. Nobody else settles a reaction promise while its job is queued.
    internal sealed override void OnPostFailed(Promise? source, Exception error) => SetRejected(ExceptionDispatchInfo.Capture(error));

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

    // Runs the handler in the ExecutionContext captured at attachment (the one primitive, CurrentNodeScope: no switch
    // when it is the thread's already, as in a loop where everything was attached in one flow).
    private void RunInContext(Promise source)
    {
        ExecutionContext? context = ((ReactionContext)_rejection!).ExecutionContext;
        if (context is null || context == ExecutionContext.Capture())
        {
            // Nothing to switch (the common case: everything on a loop attached in one flow); the hottest path.
            Execute(source);
            return;
        }

        if (CurrentNodeScope.NeedsRun(context))
        {
            ExecutionContext.Run(context!, static state => ((ExecuteState)state!).Run(), new ExecuteState(this, source));
            return;
        }

        using (CurrentNodeScope.Enter(context, null))
        {
            Execute(source);
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

    /// <summary>Resolves with a task: at once if it has completed, else as soon as it completes.</summary>
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
            AdoptTask(task);
        }
    }

    private protected override void OnAdoptedTaskCompleted(Task task)
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
            AdoptThenable(thenable, Scheduler);
        }
    }

    internal static InvalidOperationException SelfResolution() =>
        new("A promise cannot be resolved with itself: a handler returned the very promise its Then created (a cycle).");

    private sealed class ExecuteState(PromiseReaction<T> reaction, Promise source)
    {
        public void Run() => reaction.Execute(source);
    }
}
