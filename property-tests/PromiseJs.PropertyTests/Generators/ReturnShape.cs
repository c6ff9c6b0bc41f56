namespace PromiseJs.PropertyTests.Generators;

/// <summary>What a generated promise-returning handler returns; the promise Then creates adopts each kind.</summary>
internal enum ReturnShape
{
    /// <summary>A <c>Promise&lt;int&gt;</c> of this library.</summary>
    Promise,

    /// <summary>A <c>Task&lt;int&gt;</c>, completed now or later by a <see cref="TaskCompletionSource{TResult}"/>.</summary>
    Task,

    /// <summary>A foreign <see cref="IThenable{T}"/> (a <see cref="ScriptedThenable{T}"/>).</summary>
    Thenable,
}
