using PromiseJs.PropertyTests.Interpreter;

namespace PromiseJs.PropertyTests.Mutants;

/// <summary>Broken on purpose: the handlers attached to one promise during a synchronous section are held back and
/// attached at its end in reverse order, so they run last-attached first.</summary>
internal sealed class ReverseOrderOperations : PromiseOperations
{
    private readonly List<(Promise<int> Promise, List<Action> Attach)> _pending = [];

    public override Promise<int> ThenValue(Promise<int> promise, Func<int, int>? onFulfilled, Func<Exception, int>? onRejected) =>
        Defer(promise, () => base.ThenValue(promise, onFulfilled, onRejected));

    public override Promise<int> ThenPromise(Promise<int> promise, Func<int, Promise<int>>? onFulfilled, Func<Exception, Promise<int>>? onRejected) =>
        Defer(promise, () => base.ThenPromise(promise, onFulfilled, onRejected));

    public override Promise<int> ThenThenable(Promise<int> promise, Func<int, IThenable<int>> onFulfilled, Func<Exception, IThenable<int>>? onRejected) =>
        Defer(promise, () => base.ThenThenable(promise, onFulfilled, onRejected));

    public override Promise<int> ThenTask(Promise<int> promise, Func<int, Task<int>>? onFulfilled, Func<Exception, Task<int>>? onRejected) =>
        Defer(promise, () => base.ThenTask(promise, onFulfilled, onRejected));

    public override Promise<int> Finally(Promise<int> promise, Action onFinally) =>
        Defer(promise, () => base.Finally(promise, onFinally));

    public override Promise<int> Finally(Promise<int> promise, Func<Promise> onFinally) =>
        Defer(promise, () => base.Finally(promise, onFinally));

    public override void EndOfSynchronousSection()
    {
        foreach ((_, List<Action> attach) in _pending)
        {
            for (int i = attach.Count - 1; i >= 0; i--)
            {
                attach[i]();
            }
        }

        _pending.Clear();
    }

    public override string ToString() => "handlers run in reverse order";

    private Promise<int> Defer(Promise<int> promise, Func<Promise<int>> attach)
    {
        PromiseWithResolvers<int> derived = Promise.WithResolvers<int>();
        int at = _pending.FindIndex(entry => ReferenceEquals(entry.Promise, promise));
        if (at < 0)
        {
            _pending.Add((promise, []));
            at = _pending.Count - 1;
        }

        _pending[at].Attach.Add(() => attach().Then(derived.Resolve, derived.Reject));
        return derived.Promise;
    }
}
