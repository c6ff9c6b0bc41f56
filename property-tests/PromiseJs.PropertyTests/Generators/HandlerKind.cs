namespace PromiseJs.PropertyTests.Generators;

/// <summary>The kinds of handler the attachment-order law attaches, and which outcomes make each one run.</summary>
internal enum HandlerKind
{
    /// <summary><c>Then(onFulfilled)</c>: runs on fulfillment.</summary>
    ThenOnFulfilled,

    /// <summary><c>Then(onFulfilled, onRejected)</c>: one of the two runs, always.</summary>
    ThenBoth,

    /// <summary><c>Catch(onRejected)</c>: runs on rejection.</summary>
    Catch,

    /// <summary><c>Finally(onFinally)</c>: runs always.</summary>
    Finally,
}
