namespace PromiseJs.Internal;

/// <summary>The promise of an <c>async Promise</c> method, which keeps the method's boxed state machine.</summary>
internal interface IStateMachineHolder
{
    object? StateMachineBox { get; set; }

    /// <summary>The method suspends (it awaits something not complete): from now on it is pending in the tree, so its
    /// node is made if it has none yet.</summary>
    void OnSuspending();
}
