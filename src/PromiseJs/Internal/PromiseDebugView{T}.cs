namespace PromiseJs.Internal;

/// <summary>What the debugger shows when a <see cref="Promise{T}"/> is expanded: the value beside the state.</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
internal sealed class PromiseDebugView<T>(Promise<T> promise) : PromiseDebugView(promise)
{
    // default unless fulfilled (read State).
    public T? Value => promise.TryGetValue(out T? value) ? value : default;
}
