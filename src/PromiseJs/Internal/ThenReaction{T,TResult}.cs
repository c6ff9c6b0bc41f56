namespace PromiseJs.Internal;

/// <summary>The promise <c>Then</c> returns, which is also the job that runs its handler: one allocation per <c>Then</c>
/// with one handler (its size: a <see cref="Promise{T}"/> plus one reference).</summary>
/// <typeparam name="T">The source's value type (<see cref="VoidResult"/> for a value-less source).</typeparam>
/// <typeparam name="TResult">This promise's value type (<see cref="VoidResult"/> when value-less).</typeparam>
internal sealed class ThenReaction<T, TResult> : PromiseReaction<TResult>
{
    // The handler of the shape _fulfilledKind or _rejectedKind names (the one that is not None), or, when both are set,
    // a HandlerPair. A None kind passes that outcome through (a None _fulfilledKind only where T and TResult are the same
    // type, as in Catch). Cleared once run, so closures are not kept alive by a settled promise.
    private object? _handler;

    public ThenReaction(object? onFulfilled, HandlerKind fulfilledKind, object? onRejected, HandlerKind rejectedKind)
    {
        _fulfilledKind = fulfilledKind;
        _rejectedKind = rejectedKind;
        _handler = fulfilledKind == HandlerKind.None ? onRejected
            : rejectedKind == HandlerKind.None ? onFulfilled
            : new HandlerPair(onFulfilled!, onRejected!);
    }

    protected override void Execute(Promise source)
    {
        object? handler = _handler;
        _handler = null;
        if (source.IsFulfilled)
        {
            if (_fulfilledKind == HandlerKind.None)
            {
                SettleFrom(source);
                return;
            }

            if (_rejectedKind != HandlerKind.None)
            {
                handler = ((HandlerPair)handler!).OnFulfilled;
            }

            if (typeof(T) == typeof(VoidResult))
            {
                InvokeHandler(_fulfilledKind, handler!, default(VoidResult));
            }
            else
            {
                InvokeHandler(_fulfilledKind, handler!, System.Runtime.CompilerServices.Unsafe.As<Promise<T>>(source)._value);
            }
        }
        else if (_rejectedKind == HandlerKind.None)
        {
            SetRejected(source.RejectionInfo);
        }
        else
        {
            if (_fulfilledKind != HandlerKind.None)
            {
                handler = ((HandlerPair)handler!).OnRejected;
            }

            InvokeHandler(_rejectedKind, handler!, source.RejectionInfo.SourceException);
        }
    }

    private sealed class HandlerPair(object onFulfilled, object onRejected)
    {
        public object OnFulfilled { get; } = onFulfilled;

        public object OnRejected { get; } = onRejected;
    }
}
