using System.Runtime.ExceptionServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Map</c>, <c>MapSeries</c> and <c>Each</c>: calls the mapper on at most <c>concurrency</c>
/// items at a time, starting the next item in the job where a running one fulfills; rejects with the first rejection (or
/// mapper exception) and starts nothing more; once every item's promise has fulfilled, builds the result from them in input
/// order.</summary>
/// <remarks>It is the reaction on every promise the mapper returns, so it allocates nothing per item beyond its one slot in
/// the array of those promises, from which the result is read at the end (as <c>Promise.All</c> reads its inputs).</remarks>
internal sealed class MapCoordinator<TItem, TResult> : OperationCoordinator<TResult>
{
    private readonly TItem[] _items;

    // Null once the result has settled, so a settled promise keeps no closure alive.
    private Func<TItem, Promise?>? _mapper;

    // The promise the mapper returned for each item, by item index (null where Each's action returned null: nothing to wait for).
    private readonly Promise?[] _started;
    private readonly Func<Promise?[], TResult> _collect;

    // Map's mapper must return a promise (its value goes into the result); Each's action may return null.
    private readonly bool _nullIsError;

    // The next item to start, and the items whose promise has not fulfilled yet.
    private int _next;
    private int _remaining;

    public MapCoordinator(
        TItem[] items,
        Func<TItem, Promise?> mapper,
        int concurrency,
        Func<Promise?[], TResult> collect,
        bool nullIsError,
        CancellationToken cancellationToken)
    {
        _items = items;
        _nullIsError = nullIsError;
        _mapper = mapper;
        _started = new Promise?[items.Length];
        _collect = collect;
        _remaining = items.Length;
        RegisterCancellation(cancellationToken);
        for (int i = Math.Min(concurrency, items.Length); i > 0 && !IsSettled; i--)
        {
            StartNext();
        }

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
        }
        else if (!CountDown())
        {
            // One item's work is done: its place goes to the next item, whose mapper runs in the caller's context.
            ContinueInContext();
        }
    }

    protected override void Continue() => StartNext();

    // Starts one item (or several, while Each's action returns null, which leaves the place free).
    private void StartNext()
    {
        while (Volatile.Read(ref _mapper) is { } mapper && !IsSettled)
        {
            int index = Interlocked.Increment(ref _next) - 1;
            if (index >= _items.Length)
            {
                return;
            }

            Promise? promise;
            try
            {
                promise = mapper(_items[index]);
            }
            catch (Exception ex)
            {
                Reject(ExceptionDispatchInfo.Capture(ex));
                return;
            }

            _started[index] = promise;
            if (promise is not null)
            {
                promise.AddReaction(this);
                return;
            }

            if (_nullIsError)
            {
                Reject(ExceptionDispatchInfo.Capture(new InvalidOperationException(
                    $"The mapper returned null instead of a promise for the item at index {index}; return " +
                    "Promise.Resolve(value) for a value you already have.")));
                return;
            }

            if (CountDown())
            {
                return;
            }
        }
    }

    // Counts one item's promise as fulfilled; the last one fulfills the result.
    private bool CountDown()
    {
        if (Interlocked.Decrement(ref _remaining) != 0)
        {
            return false;
        }

        Fulfill(_collect(_started));
        return true;
    }

    protected override void Cleanup()
    {
        base.Cleanup();
        Volatile.Write(ref _mapper, null);
        if (!IsFulfilled)
        {
            // Stopped early: the items' promises still pending stay handled, as the inputs of Promise.All do.
            foreach (Promise? promise in _started)
            {
                if (promise is { IsSettled: false })
                {
                    promise.RemoveReaction(this, staysHandled: true);
                }
            }
        }
    }
}
