namespace PromiseJs.PropertyTests.Generators;

/// <summary>When a generated promise settles, relative to the code that creates it.</summary>
internal enum SettleTiming
{
    /// <summary>Already settled: <c>Promise.Resolve</c> / <c>Promise.Reject</c>.</summary>
    Now,

    /// <summary>Settled synchronously inside the executor of <c>new Promise&lt;int&gt;((resolve, reject) => …)</c>.</summary>
    Executor,

    /// <summary><c>WithResolvers</c>, settled after a number of microtask ticks (<c>PromiseLoop.QueueMicrotask</c>).</summary>
    Microtasks,

    /// <summary><c>WithResolvers</c>, settled in a later macrotask (<c>PromiseLoop.SetImmediate</c>).</summary>
    Immediate,

    /// <summary><c>WithResolvers</c>, settled by a timer (<c>PromiseLoop.SetTimeout</c>).</summary>
    Timeout,

    /// <summary>Settled by a handler of <c>Promise.Delay</c>.</summary>
    Delay,
}
