namespace PromiseJs.Tests.Spec.Support;

/// <summary>When a hand-written thenable calls the callbacks it was given (2.3.3.3).</summary>
public enum Calls
{
    /// <summary>Inside its <c>Then</c>, before returning.</summary>
    Synchronously,

    /// <summary>From a timer (<c>setTimeout(…, 0)</c>), after its <c>Then</c> returned.</summary>
    Asynchronously,
}
