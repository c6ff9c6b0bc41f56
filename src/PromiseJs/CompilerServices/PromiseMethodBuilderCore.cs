using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Context;
using PromiseJs.Diagnostics;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.CompilerServices;

/// <summary>What the two promise method builders share.</summary>
internal static class PromiseMethodBuilderCore
{
    // Creates the method's promise — stored in the builder before the method runs, since the method may complete
    // (SetResult) or await (boxing) at once — then runs it until its first await, with the promise as the flow's head
    // (not at all under a cancelled context). The method gets its node only when it first suspends or somebody asks for
    // it: one that completes at once never enters the tree (nobody could have seen it there). Inside a loop (where every
    // await of a promise suspends, so the node would be made at the first await anyway, at a higher price), under a scope
    // (which collects its children's failures) or while the event source is on (its node events must come in order), the
    // node is made now.
    public static void Start<T, TStateMachine>(ref WorkPromise<T>? builderPromise, ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        object? head = AmbientStack.Value;
        WorkPromise<T> promise;
        if (PromiseEventSource.IsOn || LoopCore.Current is not null || AmbientStack.IsScope(head))
        {
            promise = new WorkPromise<T>(head, new PromiseContext(null, explicitContext: false), typeof(TStateMachine));
        }
        else
        {
            // A root's node takes the ambient scheduler of the call, whenever it is made.
            PromiseScheduler? ambient = head is null ? JobScheduler.CaptureAmbient(SynchronizationContext.Current) : null;
            promise = new WorkPromise<T>(head, node: null, typeof(TStateMachine), ambient);
        }

        builderPromise = promise;
        if (AmbientStack.IsCancelled(promise))
        {
            // Called under a cancelled context: the method body never runs.
            promise.CancelBeforeStart();
        }
        else
        {
            promise.MarkAsyncMethodStarted();
            using (CurrentNodeScope.Enter(promise))
            {
                stateMachine.MoveNext();
            }
        }
    }

    public static void SetException<T>(WorkPromise<T> promise, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        promise.TrySettleRejected(ExceptionDispatchInfo.Capture(exception));
    }

    // Resumes the method when the awaiter completes: an awaited promise gets the box itself as its reaction.
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(
        IStateMachineHolder holder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        StateMachineBox<TStateMachine> box = GetBox(holder, ref stateMachine);

        // For a struct awaiter the JIT resolves this test and the casts without boxing (as AsyncTaskMethodBuilder's own
        // IStateMachineBoxAwareAwaiter test).
        if (default(TAwaiter) is not null && awaiter is IPromiseAwaiter)
        {
            box.AwaitPromise(((IPromiseAwaiter)awaiter).AwaitedPromise, ((IPromiseAwaiter)awaiter).AwaitOptions);
        }
        else
        {
            awaiter.UnsafeOnCompleted(box.MoveNextAction);
        }
    }

    // The box of the method's state machine, made at its first await (it copies the state machine, builder included).
    public static StateMachineBox<TStateMachine> GetBox<TStateMachine>(IStateMachineHolder holder, ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        holder.OnSuspending();
        if (holder.StateMachineBox is not StateMachineBox<TStateMachine> box)
        {
            box = new StateMachineBox<TStateMachine>();
            holder.StateMachineBox = box;
            box.StateMachine = stateMachine;
        }

        // Captured at every await, as AsyncTaskMethodBuilder does, so AsyncLocal values (the context) flow to the resumption.
        box.Context = ExecutionContext.Capture();
        return box;
    }
}
