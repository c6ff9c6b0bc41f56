using System.Runtime.ExceptionServices;
using PromiseJs.Context;
using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>
/// The promise of a context node's work (<c>Promise.Run</c>, an <c>async Promise</c> method). It points to its node; plain
/// promises carry no tree fields. It settles only through its own first-wins methods, which also tell the node, so a
/// cancellation of the node and the end of the work can race safely.
/// </summary>
internal sealed class WorkPromise<T> : Promise<T>, IWorkPromise, IStateMachineHolder, IThreadPoolWorkItem
{
    // The work delegate, of the shape _fulfilledKind names (ValueNoArg, ActionNoArg, *PromiseNoArg, *TaskNoArg); null once
    // started, and for async methods (their state machine is the work).
    private object? _work;

    // The ExecutionContext of the code that created the node, for work that runs later or elsewhere (a synchronous function
    // on the scheduler, a lazy start triggered by somebody else's Then): the work runs as it would have at creation.
    private ExecutionContext? _creationContext;

    // Where the work's body is: WorkNotStarted → WorkRunning → WorkEnded, or WorkRunning → WorkCancelledWhileRunning (the
    // node was cancelled and the promise rejected while the body still ran) → WorkEnded. A node cancelled while its body
    // runs stays in the tree until the body ends, so a scope or WhenChildren waits for it (structured concurrency).
    private int _workState;

    private const int WorkNotStarted = 0;
    private const int WorkRunning = 1;
    private const int WorkEnded = 2;
    private const int WorkCancelledWhileRunning = 3;

    public WorkPromise(PromiseContext node, object? work, HandlerKind kind)
    {
        Node = node;
        _work = work;
        _fulfilledKind = kind;
        node.SetCompletion(this);
    }

    public PromiseContext Node { get; }

    // The boxed state machine of an async Promise method, once it first awaits.
    public object? StateMachineBox { get; set; }

    private protected override bool ReportsUnhandledRejection => Node.Parent is not { IsScope: true };

    /// <summary>Starts the work now, or marks it to start with the first reaction.</summary>
    public void Begin()
    {
        if (Node.IsCancellationRequested)
        {
            // Created under a cancelled parent: the work never starts.
            CancelBeforeStart();
            return;
        }

        if (Node.Start == Context.PromiseStart.Lazy)
        {
            _creationContext = ExecutionContext.Capture();
            MarkLazy();
        }
        else
        {
            if (_fulfilledKind is HandlerKind.ValueNoArg or HandlerKind.ActionNoArg)
            {
                _creationContext = ExecutionContext.Capture();
            }

            StartNow();
        }
    }

    /// <summary>Rejects with the node's cancellation before any work ran.</summary>
    public void CancelBeforeStart()
    {
        _work = null;
        TryCancel(new OperationCanceledException($"The promise context '{Node}' was cancelled.", Node.CancellationToken));
    }

    public bool TryCancel(OperationCanceledException reason)
    {
        TryClaimLazy();
        if (!TryReject(ExceptionDispatchInfo.Capture(reason)))
        {
            return false;
        }

        // The body's end exchanges the state before it tries to settle, so exactly one side sees the body still running.
        bool bodyRunning = Interlocked.CompareExchange(ref _workState, WorkCancelledWhileRunning, WorkRunning) == WorkRunning;
        Node.OnCompleted(this, bodyRunning);
        return true;
    }

    /// <summary>Marks the start of the work's body (the function or the async method's state machine).</summary>
    public void MarkWorkStarted() => Interlocked.Exchange(ref _workState, WorkRunning);

    // The body ended without settling the promise (it returned a promise to adopt).
    private void EndBody()
    {
        if (Interlocked.Exchange(ref _workState, WorkEnded) == WorkCancelledWhileRunning)
        {
            Node.OnWorkEnded();
        }
    }

    // The body ended with a value: settles, or, when a cancellation settled first, tells the node the body is over.
    public void TrySettleFulfilled(T value)
    {
        int before = Interlocked.Exchange(ref _workState, WorkEnded);
        if (TryFulfill(value))
        {
            Node.OnCompleted(this);
        }
        else if (before == WorkCancelledWhileRunning)
        {
            Node.OnWorkEnded();
        }
    }

    // The body ended with an exception (see TrySettleFulfilled).
    public bool TrySettleRejected(ExceptionDispatchInfo reason)
    {
        int before = Interlocked.Exchange(ref _workState, WorkEnded);
        if (TryReject(reason))
        {
            Node.OnCompleted(this);
            return true;
        }

        if (before == WorkCancelledWhileRunning)
        {
            Node.OnWorkEnded();
        }

        return false;
    }

    void IThreadPoolWorkItem.Execute() => RunJob(null);

    // Runs the synchronous work where the node's scheduler put it.
    internal override void RunJob(Promise? source)
    {
        object? work = Interlocked.Exchange(ref _work, null);
        if (work is null)
        {
            return;
        }

        // Marked before the check, so a cancellation racing with it either finds the body running or made it not run.
        MarkWorkStarted();
        if (IsSettled)
        {
            EndBody();
            return;
        }

        ExecutionContext? callerContext = ExecutionContext.Capture();
        RestoreCreationContext();
        PromiseContext.ActiveEntry? outer = PromiseContext.ActiveEntryValue;
        ExecutionContext? previous = Node.EnterRaw();
        try
        {
            if (_fulfilledKind == HandlerKind.ValueNoArg)
            {
                TrySettleFulfilled(((Func<T>)work)());
            }
            else
            {
                ((Action)work)();
                TrySettleFulfilled(default!);
            }
        }
        catch (Exception ex)
        {
            TrySettleRejected(ExceptionDispatchInfo.Capture(ex));
        }
        finally
        {
            PromiseContext.ExitRaw(previous, outer);
            if (callerContext is not null)
            {
                ExecutionContext.Restore(callerContext);
            }
        }
    }

    // Switches to the creation-time ExecutionContext, if one was kept (the caller restores its own afterwards).
    private void RestoreCreationContext()
    {
        if (_creationContext is { } context)
        {
            _creationContext = null;
            ExecutionContext.Restore(context);
        }
    }

    // Settles as the promise or task the work returned does (called inline when it settles).
    internal void SettleFromResult(Promise promise)
    {
        if (promise.IsFulfilled)
        {
            TrySettleFulfilled(typeof(T) == typeof(VoidResult) ? default! : ((Promise<T>)promise)._value);
        }
        else
        {
            TrySettleRejected(promise.RejectionInfo);
        }
    }

    private protected override void OnLazyStart() => StartNow();

    private void StartNow()
    {
        if (Node.IsCancellationRequested)
        {
            CancelBeforeStart();
            return;
        }

        if (_fulfilledKind is HandlerKind.ValueNoArg or HandlerKind.ActionNoArg)
        {
            Node.Scheduler.Execute(this);
        }
        else
        {
            RunAsynchronousWork();
        }
    }

    // Calls an asynchronous function now, like a JavaScript async function call, with the node current while it runs.
    private void RunAsynchronousWork()
    {
        object work = Interlocked.Exchange(ref _work, null)!;
        MarkWorkStarted();
        object? result;
        ExecutionContext? callerContext = _creationContext is null ? null : ExecutionContext.Capture();
        RestoreCreationContext();
        PromiseContext.ActiveEntry? outer = PromiseContext.ActiveEntryValue;
        ExecutionContext? previous = Node.EnterRaw();
        try
        {
            result = _fulfilledKind switch
            {
                HandlerKind.PromiseNoArg => ((Func<Promise<T>?>)work)(),
                HandlerKind.VoidPromiseNoArg => ((Func<Promise?>)work)(),
                HandlerKind.TaskNoArg => ((Func<Task<T>?>)work)(),
                _ => ((Func<Task?>)work)(),
            };
        }
        catch (Exception ex)
        {
            TrySettleRejected(ExceptionDispatchInfo.Capture(ex));
            return;
        }
        finally
        {
            PromiseContext.ExitRaw(previous, outer);
            if (callerContext is not null)
            {
                ExecutionContext.Restore(callerContext);
            }
        }

        switch (result)
        {
            case null:
                TrySettleFulfilled(default!);
                break;
            case Promise promise when promise == this:
                TrySettleRejected(ExceptionDispatchInfo.Capture(PromiseReaction<T>.SelfResolution()));
                break;
            case Promise promise:
                // The body is over once its function has returned a promise: what it adopts is a value, not work (work
                // started for it is a node of its own, which the tree tracks).
                EndBody();

                // As a JavaScript async function resolving with a promise: a job subscribes to it (ECMAScript's
                // NewPromiseResolveThenableJob), and its reaction, one more job, settles this promise as it settled.
                JobScheduler.Enqueue(Node.Scheduler, new Adopter(this, Node.Scheduler), promise);
                break;
            default:
                ((Task)result).ContinueWith(
                    static (task, state) => ((WorkPromise<T>)state!).SettleFromTask(task),
                    this,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                break;
        }
    }

    private void SettleFromTask(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            TrySettleFulfilled(typeof(T) == typeof(VoidResult) || task is not Task<T> typed ? default! : typed.Result);
            return;
        }

        try
        {
            // Rethrows the task's own exception (not an AggregateException), or a TaskCanceledException.
            task.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            TrySettleRejected(ExceptionDispatchInfo.Capture(ex));
        }
    }

    // Adopts the promise the work's function returned with JavaScript's two jobs: the first subscribes to it, the second
    // (queued once it has settled) settles the work promise as it did.
    private sealed class Adopter(WorkPromise<T> target, PromiseScheduler scheduler) : Reaction
    {
        private bool _subscribed;

        internal override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(scheduler, this, source);

        internal override void RunJob(Promise? source)
        {
            if (_subscribed)
            {
                target.SettleFromResult(source!);
            }
            else
            {
                _subscribed = true;
                source!.AddReaction(this);
            }
        }
    }
}
