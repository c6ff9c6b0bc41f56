namespace PromiseJs.Internal;

/// <summary>The delegate shape a reaction holds, so one reaction class serves every <c>Then</c> overload.</summary>
/// <remarks>"NoArg" shapes take no argument (the handlers of a value-less promise); "Void" shapes settle a value-less promise.</remarks>
internal enum HandlerKind : byte
{
    None,
    Value,              // Func<TArg, R>
    ValueNoArg,         // Func<R>
    Action,             // Action<TArg>, R is VoidResult
    ActionNoArg,        // Action, R is VoidResult
    Promise,            // Func<TArg, Promise<R>?>
    PromiseNoArg,       // Func<Promise<R>?>
    VoidPromise,        // Func<TArg, Promise?>, R is VoidResult
    VoidPromiseNoArg,   // Func<Promise?>, R is VoidResult
    Task,               // Func<TArg, Task<R>?>
    TaskNoArg,          // Func<Task<R>?>
    VoidTask,           // Func<TArg, Task?>, R is VoidResult
    VoidTaskNoArg,      // Func<Task?>, R is VoidResult
    Thenable,           // Func<TArg, IThenable<R>?>
    ThenableNoArg,      // Func<IThenable<R>?>
}
