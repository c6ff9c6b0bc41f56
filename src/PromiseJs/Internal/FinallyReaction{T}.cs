using System.Runtime.ExceptionServices;

namespace PromiseJs.Internal;

/// <summary>
/// The promise <c>Finally</c> returns. Mirrors ECMAScript's thenFinally/catchFinally exactly (so the job count matches node):
/// call the callback, take its result as a promise, chain a pass-through of the original outcome onto it, and adopt that.
/// </summary>
internal sealed class FinallyReaction<T> : PromiseReaction<T>
{
    private object? _onFinally;

    public FinallyReaction(object onFinally, HandlerKind kind)
    {
        _onFinally = onFinally;
        _fulfilledKind = kind;
    }

    protected override void Execute(Promise source)
    {
        object onFinally = _onFinally!;
        _onFinally = null;
        Promise result;
        try
        {
            result = _fulfilledKind switch
            {
                HandlerKind.ActionNoArg => InvokeAction((Action)onFinally),
                HandlerKind.VoidPromiseNoArg => ((Func<Promise?>)onFinally)() ?? Promise.Resolve(),
                HandlerKind.VoidTaskNoArg => Promise.From(((Func<Task?>)onFinally)() ?? Task.CompletedTask),
                _ => throw new System.Diagnostics.UnreachableException(),
            };
        }
        catch (Exception ex)
        {
            SetRejected(ExceptionDispatchInfo.Capture(ex));
            return;
        }

        var passThrough = new OutcomeReaction(source);
        result.AddReaction(passThrough);
        ResolveWithPromise(passThrough, atEndOfJob: true);
    }

    private static Promise InvokeAction(Action action)
    {
        action();
        return Promise.Resolve();
    }

    // valueThunk / thrower: once the callback's promise fulfills, settle as the original source did; if it rejects, with that.
    private sealed class OutcomeReaction(Promise original) : PromiseReaction<T>
    {
        protected override void Execute(Promise source) => SettleFrom(source.IsFulfilled ? original : source);
    }
}
