namespace PromiseJs.Internal;

/// <summary>The promise a typed <c>Catch&lt;TException&gt;</c> returns: handles reasons of that type, passes everything else through.</summary>
internal sealed class CatchReaction<TException, T> : PromiseReaction<T>
    where TException : Exception
{
    private object? _onRejected;

    public CatchReaction(object onRejected, HandlerKind kind)
    {
        _onRejected = onRejected;
        _rejectedKind = kind;
    }

    protected override void Execute(Promise source)
    {
        object? onRejected = _onRejected;
        _onRejected = null;
        if (source.IsRejected && source.RejectionInfo.SourceException is TException reason)
        {
            InvokeHandler(_rejectedKind, onRejected!, reason);
        }
        else
        {
            SettleFrom(source);
        }
    }
}
