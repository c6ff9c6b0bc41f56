namespace PromiseJs.PropertyTests.Generators;

/// <summary>When something generated happens, relative to the code that sets it up.</summary>
public enum MomentKind
{
    /// <summary>At once: an already settled promise, a completed task, a thenable that calls back inside its <c>Then</c>.</summary>
    Now,

    /// <summary>Inside the executor of <c>new Promise&lt;int&gt;((resolve, reject) => …)</c> (for other uses: at once).</summary>
    Executor,

    /// <summary>After a number of promise jobs (a chain of <c>Promise.Resolve(0).Then(…)</c>).</summary>
    Ticks,

    /// <summary>After <c>Promise.Delay(ms, clock)</c> on the virtual clock.</summary>
    Timer,
}
