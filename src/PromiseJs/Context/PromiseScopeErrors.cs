namespace PromiseJs.Context;

/// <summary>What a <see cref="PromiseScope"/> does when one of its children fails.</summary>
public enum PromiseScopeErrors
{
    /// <summary>Cancel the remaining children (trio and asyncio task-group semantics).</summary>
    CancelSiblings,

    /// <summary>Let the other children run.</summary>
    LetRun,
}
