using System.Runtime.CompilerServices;

namespace PromiseJs.CompilerServices;

/// <summary>The heap copy of an <c>async Promise</c> method's state machine, made at its first real await.</summary>
internal sealed class StateMachineBox<TStateMachine>
    where TStateMachine : IAsyncStateMachine
{
    private static readonly ContextCallback s_moveNext = static state => ((StateMachineBox<TStateMachine>)state!).StateMachine.MoveNext();

    private Action? _moveNextAction;

    public TStateMachine StateMachine = default!;

    // The ExecutionContext to resume in (captured at each await, so the promise context flows across awaits).
    public ExecutionContext? Context { get; set; }

    public Action MoveNextAction => _moveNextAction ??= MoveNext;

    private void MoveNext()
    {
        ExecutionContext? context = Context;
        if (context is null)
        {
            StateMachine.MoveNext();
        }
        else
        {
            ExecutionContext.Run(context, s_moveNext, this);
        }
    }
}
