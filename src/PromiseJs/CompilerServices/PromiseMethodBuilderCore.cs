using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Context;
using PromiseJs.Internal;

namespace PromiseJs.CompilerServices;

/// <summary>What the two promise method builders share.</summary>
internal static class PromiseMethodBuilderCore
{
    // Creates the method's node and promise — stored in the builder before the method runs, since the method may complete
    // (SetResult) or await (boxing) at once — then runs it until its first await (not at all under a cancelled context).
    public static void Start<T, TStateMachine>(ref WorkPromise<T>? builderPromise, ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        var promise = new WorkPromise<T>(new PromiseContext(null, explicitContext: false), null, HandlerKind.None);
        builderPromise = promise;
        promise.Node.SetMethod(typeof(TStateMachine));
        if (promise.Node.IsCancellationRequested)
        {
            // Called under a cancelled context: the method body never runs.
            promise.CancelBeforeStart();
        }
        else
        {
            promise.MarkAsyncMethodStarted();
            using (CurrentNodeScope.Enter(null, promise.Node))
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
