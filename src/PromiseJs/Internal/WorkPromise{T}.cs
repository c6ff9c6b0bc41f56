using System.Runtime.ExceptionServices;
using PromiseJs.Context;
using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>
/// The promise of a context node's work (<c>Promise.Run</c>, an <c>async Promise</c> method). It points to its node; plain
/// promises carry no tree fields. It settles only through its own first-wins methods, which also tell the node, so a
/// cancellation of the node and the end of the work can race safely.
/// </summary>
internal sealed class WorkPromise<T> : Promise<T>, IWorkPromise, IStateMachineHolder, IMethodFrame, IThreadPoolWorkItem
{
    // The work delegate, of the shape _fulfilledKind names (ValueNoArg, ActionNoArg, *PromiseNoArg, *TaskNoArg); null once
    // started. An async method's promise (kind None) has no delegate — its state machine is the work — and keeps the boxed
    // state machine here instead (see StateMachineBox): one field fewer on every async method's promise.
    private object? _work;

    // For Promise.Run work: the ExecutionContext of the code that created the node, for work that runs later or elsewhere
    // (a synchronous function on the scheduler, a lazy start triggered by somebody else's Then): the work runs as it would
    // have at creation. For a root async method without a node: the ambient PromiseScheduler of the call, which its node
    // takes when made. One field for both: an async method has no creation context to keep, Promise.Run work no lazy node.
    private object? _creationContextOrScheduler;

    // Where the work's body is: WorkNotStarted → WorkRunning → WorkEnded, or WorkRunning → WorkCancelledWhileRunning (the
    // node was cancelled and the promise rejected while the body still ran) → WorkEnded. A node cancelled while its body
    // runs stays in the tree until the body ends, so a scope or WhenChildren waits for it (structured concurrency).
    private int _workState;

    private const int WorkNotStarted = 0;
    private const int WorkRunning = 1;
    private const int WorkEnded = 2;
    private const int WorkCancelledWhileRunning = 3;

    // The node (a PromiseContext), or — for an async method whose node has not been made yet —
    // the method's state machine type, which names the node once it is made.
    private object? _nodeOrMethod;

    // An async method's entry on the flow's stack: the head it was called under (see IMethodFrame).
    private readonly object? _callerHead;

    // Who tells the node that the promise has settled: 2 from the start when the node exists from the start; otherwise the
    // making of the node (after linking it) and the settling each add one, and whichever comes second tells it — so a node
    // made while the promise settles on another thread is told exactly once, and never stays in the tree.
    private int _nodeHandshake;

    private const int NodeFromStart = 2;

    // Set before the handshake when a cancellation settled the promise while the body ran (what the node must be told).
    private bool _cancelledWhileBodyRan;

    // Whether the global default start was Lazy when an async method without a node was called (its node is set as it
    // would have been then).
    private readonly bool _lazyByDefaultAtCall;

    public WorkPromise(PromiseContext node, object? work, HandlerKind kind)
    {
        _nodeOrMethod = node;
        _nodeHandshake = NodeFromStart;
        _work = work;
        _fulfilledKind = kind;
        node.SetCompletion(this);
    }

    // The promise of an async Promise method called under head: with node when it has one from the start, else with its
    // node made on first need — when it first suspends, or somebody asks for it (schedulerAtCall: a root's ambient one).
    public WorkPromise(object? head, PromiseContext? node, Type method, PromiseScheduler? schedulerAtCall = null)
    {
        _callerHead = head;
        _fulfilledKind = HandlerKind.None;
        if (node is null)
        {
            _nodeOrMethod = method;
            _lazyByDefaultAtCall = PromiseContext.DefaultStart == PromiseStart.Lazy;
            _creationContextOrScheduler = schedulerAtCall;
        }
        else
        {
            _nodeOrMethod = node;
            _nodeHandshake = NodeFromStart;
            node.SetCompletion(this);
            node.SetMethod(method);
        }
    }

    public PromiseContext Node => _nodeOrMethod as PromiseContext ?? MakeNode();

    public PromiseContext? NodeIfMade => _nodeOrMethod as PromiseContext;

    public object? CallerHead => _callerHead;

    // The boxed state machine of an async Promise method, once it first awaits (in _work, which such a promise never uses
    // for a delegate: RunJob and RunAsynchronousWork never run for kind None).
    public object? StateMachineBox
    {
        get => _work;
        set => _work = value;
    }

    // A node made on first need is never a child of a scope.
    private protected override bool ReportsUnhandledRejection => _nodeOrMethod is not PromiseContext node || node.Parent is not { IsScope: true };

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
            _creationContextOrScheduler = ExecutionContext.Capture();
            MarkLazy();
        }
        else
        {
            if (_fulfilledKind is HandlerKind.ValueNoArg or HandlerKind.ActionNoArg)
            {
                _creationContextOrScheduler = ExecutionContext.Capture();
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
        TellNodeSettled(bodyRunning);
        return true;
    }

    /// <summary>Marks the start of the work's body (the function or the async method's state machine).</summary>
    public void MarkWorkStarted() => Interlocked.Exchange(ref _workState, WorkRunning);

    /// <summary>Marks the start of an async method's body, just after its node was found not cancelled: a plain write, since
    /// no check follows it (a cancellation from now on sees WorkRunning, or the body's end has not begun).</summary>
    public void MarkAsyncMethodStarted() => _workState = WorkRunning;

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
        MakeNodeIfCancelled();
        int before = Interlocked.Exchange(ref _workState, WorkEnded);
        if (TryFulfill(value))
        {
            TellNodeSettled(bodyStillRunning: false);
        }
        else if (before == WorkCancelledWhileRunning)
        {
            Node.OnWorkEnded();
        }
    }

    // The body ended with an exception (see TrySettleFulfilled).
    public bool TrySettleRejected(ExceptionDispatchInfo reason)
    {
        MakeNodeIfCancelled();
        int before = Interlocked.Exchange(ref _workState, WorkEnded);
        if (TryReject(reason))
        {
            TellNodeSettled(bodyStillRunning: false);
            return true;
        }

        if (before == WorkCancelledWhileRunning)
        {
            Node.OnWorkEnded();
        }

        return false;
    }

    void IStateMachineHolder.OnSuspending()
    {
        if (_nodeOrMethod is not PromiseContext)
        {
            MakeNode();
        }
    }

    // Makes the node of an async method (see the constructor): a child of its caller's context (made too, if it is a method
    // without a node), linked into the tree, and told at once if the promise has already settled.
    private PromiseContext MakeNode()
    {
        object? seen = Volatile.Read(ref _nodeOrMethod);
        if (seen is PromiseContext made)
        {
            return made;
        }

        PromiseContext? parent = AmbientStack.ContextOf(_callerHead);
        var node = new PromiseContext(
            parent,
            this,
            (Type)seen!,
            _lazyByDefaultAtCall ? PromiseStart.Lazy : PromiseStart.Eager,
            _creationContextOrScheduler as PromiseScheduler);
        if (Interlocked.CompareExchange(ref _nodeOrMethod, node, seen) != seen)
        {
            return (PromiseContext)_nodeOrMethod!;
        }

        parent?.AddChild(node);
        if (Interlocked.Increment(ref _nodeHandshake) == 2)
        {
            node.OnCompleted(this, _cancelledWhileBodyRan);
        }

        return node;
    }

    // The body of an async method without a node ends: had its node existed, a cancellation of the tree above would have
    // reached it, so when the nearest context in the tree is cancelled, its node is made now — which cancels it as it
    // would have been (the body's end then finds the promise settled).
    private void MakeNodeIfCancelled()
    {
        if (_nodeOrMethod is Type && AmbientStack.IsCancelled(_callerHead))
        {
            MakeNode();
        }
    }

    // The promise has settled: the node learns it now, or — for a node not made yet — when it is made (see _nodeHandshake).
    private void TellNodeSettled(bool bodyStillRunning)
    {
        if (_nodeHandshake != NodeFromStart)
        {
            _cancelledWhileBodyRan = bodyStillRunning;
            if (Interlocked.Increment(ref _nodeHandshake) != 2)
            {
                return;
            }
        }

        ((PromiseContext)_nodeOrMethod!).OnCompleted(this, bodyStillRunning);
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

        ExecutionContext? creationContext = TakeCreationContext();
        if (CurrentNodeScope.NeedsRun(creationContext))
        {
            ExecutionContext.Run(
                creationContext!, static state => { var (promise, work) = ((WorkPromise<T>, object))state!; promise.InvokeWork(work, null); }, (this, work));
        }
        else
        {
            InvokeWork(work, creationContext);
        }
    }

    // Calls the synchronous work with the node current (in runIn, when given) and settles with what it returns or throws.
    private void InvokeWork(object work, ExecutionContext? runIn)
    {
        using CurrentNodeScope scope = CurrentNodeScope.Enter(runIn, Node);
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
    }

    // The creation-time ExecutionContext to run the work in, if one was kept (taken once: the work runs once).
    private ExecutionContext? TakeCreationContext()
    {
        var context = (ExecutionContext?)_creationContextOrScheduler;
        _creationContextOrScheduler = null;
        return context;
    }

    // The resolution procedure settles a work promise first-wins, telling its node (a cancellation may have won).
    private protected override void OnResolvedFulfilled(T value) => TrySettleFulfilled(value);

    private protected override void OnResolvedRejected(ExceptionDispatchInfo reason) => TrySettleRejected(reason);

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
            try
            {
                Node.Scheduler.Execute(this);
            }
            catch (Exception ex) when (Interlocked.Exchange(ref _work, null) is not null)
            {
                // The scheduler refused the work (its Post threw): it never runs, and the promise rejects with the refusal
                // instead of staying pending in the tree (and the exception does not escape into Promise.Run or a Then).
                TrySettleRejected(ExceptionDispatchInfo.Capture(ex));
            }
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
        ExecutionContext? creationContext = TakeCreationContext();
        (object? Result, bool Threw) call = CurrentNodeScope.NeedsRun(creationContext)
            ? RunAsynchronousFunctionViaRun(work, creationContext!)
            : CallAsynchronousFunction(work, creationContext);
        if (call.Threw)
        {
            return;
        }

        object? result = call.Result;
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
                AdoptPromise(promise, Node.Scheduler);
                break;
            default:
                AdoptTask((Task)result);
                break;
        }
    }

    // Calls the asynchronous function with the node current (in runIn, when given); a throw rejects this promise.
    private (object? Result, bool Threw) CallAsynchronousFunction(object work, ExecutionContext? runIn)
    {
        using (CurrentNodeScope.Enter(runIn, Node))
        {
            try
            {
                return (_fulfilledKind switch
                {
                    HandlerKind.PromiseNoArg => ((Func<Promise<T>?>)work)(),
                    HandlerKind.VoidPromiseNoArg => ((Func<Promise?>)work)(),
                    HandlerKind.TaskNoArg => ((Func<Task<T>?>)work)(),
                    _ => ((Func<Task?>)work)(),
                }, false);
            }
            catch (Exception ex)
            {
                TrySettleRejected(ExceptionDispatchInfo.Capture(ex));
                return (null, true);
            }
        }
    }

    // The same on a thread whose flow is suppressed (only ExecutionContext.Run puts that back afterwards).
    private (object? Result, bool Threw) RunAsynchronousFunctionViaRun(object work, ExecutionContext runIn)
    {
        var call = new AsynchronousCall(this, work);
        ExecutionContext.Run(runIn, static state => ((AsynchronousCall)state!).Invoke(), call);
        return call.Outcome;
    }

    private sealed class AsynchronousCall(WorkPromise<T> promise, object work)
    {
        public (object? Result, bool Threw) Outcome { get; private set; }

        public void Invoke() => Outcome = promise.CallAsynchronousFunction(work, null);
    }
}
