namespace PromiseJs.Internal;

/// <summary>The promise <c>Then</c> returns, which is also the job that runs its handlers: one allocation per <c>Then</c>.</summary>
/// <typeparam name="T">The source's value type (<see cref="VoidResult"/> for a value-less source).</typeparam>
/// <typeparam name="TResult">This promise's value type (<see cref="VoidResult"/> when value-less).</typeparam>
internal sealed class ThenReaction<T, TResult> : PromiseReaction<TResult>
{
    // The handlers, of the shapes _fulfilledKind and _rejectedKind name; null passes the outcome through
    // (a null _onFulfilled only where T and TResult are the same type, as in Catch). Cleared once run.
    private object? _onFulfilled;
    private object? _onRejected;
    private readonly HandlerKind _fulfilledKind;
    private readonly HandlerKind _rejectedKind;

    public ThenReaction(object? onFulfilled, HandlerKind fulfilledKind, object? onRejected, HandlerKind rejectedKind)
    {
        _onFulfilled = onFulfilled;
        _fulfilledKind = fulfilledKind;
        _onRejected = onRejected;
        _rejectedKind = rejectedKind;
    }

    protected override void Execute(Promise source)
    {
        object? onFulfilled = _onFulfilled;
        object? onRejected = _onRejected;
        _onFulfilled = null;
        _onRejected = null;
        if (source.IsFulfilled)
        {
            if (onFulfilled is null)
            {
                SettleFrom(source);
            }
            else if (typeof(T) == typeof(VoidResult))
            {
                InvokeHandler(_fulfilledKind, onFulfilled, default(VoidResult));
            }
            else
            {
                InvokeHandler(_fulfilledKind, onFulfilled, System.Runtime.CompilerServices.Unsafe.As<Promise<T>>(source)._value);
            }
        }
        else if (onRejected is null)
        {
            SetRejected(source.RejectionInfo);
        }
        else
        {
            InvokeHandler(_rejectedKind, onRejected, source.RejectionInfo.SourceException);
        }
    }
}
