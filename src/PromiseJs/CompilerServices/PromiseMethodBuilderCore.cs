using System.Runtime.CompilerServices;
using PromiseJs.Context;

namespace PromiseJs.CompilerServices;

/// <summary>What the two promise method builders share.</summary>
internal static class PromiseMethodBuilderCore
{
    // Runs the state machine until its first await with the node current, then restores the caller's context.
    public static void Run<TStateMachine>(PromiseContext node, ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        PromiseContext.ActiveEntry? outer = PromiseContext.ActiveEntryValue;
        ExecutionContext? previous = node.EnterRaw();
        try
        {
            stateMachine.MoveNext();
        }
        finally
        {
            PromiseContext.ExitRaw(previous, outer);
        }
    }

    // The box of the method's state machine, made at its first await (it copies the state machine, builder included).
    public static StateMachineBox<TStateMachine> GetBox<TStateMachine>(Internal.IStateMachineHolder holder, ref TStateMachine stateMachine)
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
