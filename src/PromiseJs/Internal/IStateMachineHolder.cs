namespace PromiseJs.Internal;

/// <summary>The promise of an <c>async Promise</c> method, which keeps the method's boxed state machine.</summary>
internal interface IStateMachineHolder
{
    object? StateMachineBox { get; set; }
}
