using System.Runtime.ExceptionServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Reduce</c>: calls the reducer on one item at a time, with the value the previous call's
/// promise fulfilled with; rejects with the first rejection (or reducer exception).</summary>
internal sealed class ReduceCoordinator<TItem, TAccumulate> : OperationCoordinator<TAccumulate>
{
    private readonly TItem[] _items;

    // Null once the result has settled, so a settled promise keeps no closure alive.
    private Func<TAccumulate, TItem, Promise<TAccumulate>?>? _reducer;
    private TAccumulate _accumulator;
    private int _next;

    // The promise of the reducer call in progress.
    private Promise<TAccumulate>? _current;

    public ReduceCoordinator(
        TItem[] items, Func<TAccumulate, TItem, Promise<TAccumulate>?> reducer, TAccumulate seed, CancellationToken cancellationToken)
    {
        _items = items;
        _reducer = reducer;
        _accumulator = seed;
        RegisterCancellation(cancellationToken);
        Step();
        Constructed();
    }

    internal override void RunJob(Promise? source)
    {
        if (IsSettled)
        {
            return;
        }

        if (source!.IsRejected)
        {
            Reject(source.RejectionInfo);
            return;
        }

        _accumulator = Promise<TAccumulate>.ValueOf(source);
        ContinueInContext();
    }

    protected override void Continue() => Step();

    // Calls the reducer on the next item (on several while it returns null, which counts as default), or fulfills.
    private void Step()
    {
        while (Volatile.Read(ref _reducer) is { } reducer && !IsSettled)
        {
            if (_next == _items.Length)
            {
                Fulfill(_accumulator);
                return;
            }

            Promise<TAccumulate>? promise;
            try
            {
                promise = reducer(_accumulator, _items[_next++]);
            }
            catch (Exception ex)
            {
                Reject(ExceptionDispatchInfo.Capture(ex));
                return;
            }

            if (promise is not null)
            {
                Volatile.Write(ref _current, promise);
                promise.AddReaction(this);
                return;
            }

            _accumulator = default!;
        }
    }

    protected override void Cleanup()
    {
        base.Cleanup();
        Volatile.Write(ref _reducer, null);
        if (Volatile.Read(ref _current) is { IsSettled: false } current)
        {
            current.RemoveReaction(this, staysHandled: true);
        }
    }
}
