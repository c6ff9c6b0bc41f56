using PromiseJs.Combinators;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Calls <paramref name="action"/> on one item at a time, each after the previous one's promise fulfilled
    /// (Bluebird's <c>Promise.each</c>); the returned promise fulfills after the last, or rejects with the first rejection (or
    /// exception from <paramref name="action"/>) and then starts no more items.</summary>
    /// <typeparam name="TItem">The type of the items.</typeparam>
    /// <param name="items">The items, enumerated once, at the call.</param>
    /// <param name="action">Starts the work for one item; a <see langword="null"/> promise means there is nothing to wait for.</param>
    /// <param name="cancellationToken">Stops starting items and rejects with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A promise of no value that fulfills once the promise for the last item has fulfilled (at once for no
    /// items), or rejects with the first rejection, the first exception <paramref name="action"/> throws, or an
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.</returns>
    /// <remarks>The first item starts now, inside the call; each later one in the job where the previous one's promise
    /// fulfilled, in the <see cref="ExecutionContext"/> of the call.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="action"/> is <see langword="null"/>.</exception>
    public static Promise Each<TItem>(IEnumerable<TItem> items, Func<TItem, Promise?> action, CancellationToken cancellationToken = default)
    {
        TItem[] snapshot = SnapshotItems(items, action, 1);
        return snapshot.Length == 0
            ? Resolve()
            : new MapCoordinator<TItem, VoidResult>(snapshot, action, 1, Collect.NothingMapped, nullIsError: false, cancellationToken);
    }
}
