namespace PromiseJs.PropertyTests.Generators;

/// <summary>What a generated handler returns, which picks the <c>Then</c>/<c>Catch</c> overload it is attached with.</summary>
public enum HandlerShape
{
    /// <summary>A value (or it throws).</summary>
    Value,

    /// <summary>A <c>Promise&lt;int&gt;</c> of this library, which the derived promise adopts (two extra jobs).</summary>
    Promise,

    /// <summary>A foreign <see cref="IThenable{T}"/>, whose <c>Then</c> is called in a later job.</summary>
    Thenable,

    /// <summary>A <c>Task&lt;int&gt;</c>: completed ones settle at once, others when they complete.</summary>
    Task,
}
