namespace PromiseJs.Context;

/// <summary>What a <see cref="PromiseScope"/> does with children still running when it ends.</summary>
public enum PromiseScopeExit
{
    /// <summary>Wait for them (a nursery or task group).</summary>
    WaitForChildren,

    /// <summary>Cancel them, then wait for them to settle.</summary>
    CancelChildren,
}
