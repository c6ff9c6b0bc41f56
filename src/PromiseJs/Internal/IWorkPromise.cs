namespace PromiseJs.Internal;

/// <summary>The promise of a context node's work, as the node sees it.</summary>
internal interface IWorkPromise
{
    /// <summary>Rejects the promise with <paramref name="reason"/> unless it has settled.</summary>
    bool TryCancel(OperationCanceledException reason);
}
