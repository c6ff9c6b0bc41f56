using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs.CompilerServices;

/// <summary>The heap copy of an <c>async Promise</c> method's state machine, made at its first real await.</summary>
internal sealed class StateMachineBox<TStateMachine>
    where TStateMachine : IAsyncStateMachine
{
    private Action? _moveNextAction;

    public TStateMachine StateMachine = default!;

    // The ExecutionContext to resume in (captured at each await, so the promise context flows across awaits).
    public ExecutionContext? Context { get; set; }

    public Action MoveNextAction => _moveNextAction ??= MoveNext;

    // Resumes in the captured ExecutionContext (it carries the method's node as current), switching only if it differs.
    private void MoveNext()
    {
        using (CurrentNodeScope.Enter(Context, null))
        {
            StateMachine.MoveNext();
        }
    }
}
