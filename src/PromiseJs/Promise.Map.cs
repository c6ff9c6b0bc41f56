using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Calls <paramref name="mapper"/> on each item, with at most <paramref name="concurrency"/> of the promises it
    /// returned pending at a time, and returns a promise of their values in input order (Bluebird's <c>Promise.map</c>, p-map).
    /// It rejects with the first rejection (or exception from <paramref name="mapper"/>) and then starts no more items.</summary>
    /// <param name="items">The items, enumerated once, at the call.</param>
    /// <param name="mapper">Starts the work for one item; a <see langword="null"/> promise counts as <c>default</c>.</param>
    /// <param name="concurrency">How many items may be in progress at once; unbounded by default.</param>
    /// <param name="cancellationToken">Stops starting items and rejects with <see cref="OperationCanceledException"/>.</param>
    /// <remarks>The first <paramref name="concurrency"/> items start now, inside the call; each later one starts in the job where
    /// an earlier one's promise fulfilled, in the <see cref="ExecutionContext"/> of the call. Work already started is not
    /// stopped (its promises stay handled).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="mapper"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="concurrency"/> is less than one.</exception>
    public static Promise<T[]> Map<TItem, T>(
        IEnumerable<TItem> items, Func<TItem, Promise<T>?> mapper, int concurrency = int.MaxValue, CancellationToken cancellationToken = default)
    {
        TItem[] snapshot = SnapshotItems(items, mapper, concurrency);
        return snapshot.Length == 0
            ? new Promise<T[]>([])
            : new MapCoordinator<TItem, T[]>(snapshot, mapper, concurrency, Collect.MappedValues<T>, cancellationToken);
    }

    /// <summary>Calls <paramref name="mapper"/> on one item at a time, each after the previous one's promise fulfilled, and
    /// returns a promise of their values in input order (Bluebird's <c>Promise.mapSeries</c>); it rejects with the first
    /// rejection and then starts no more items.</summary>
    /// <inheritdoc cref="Map{TItem, T}(IEnumerable{TItem}, Func{TItem, Promise{T}}, int, CancellationToken)"/>
    public static Promise<T[]> MapSeries<TItem, T>(
        IEnumerable<TItem> items, Func<TItem, Promise<T>?> mapper, CancellationToken cancellationToken = default) =>
        Map(items, mapper, 1, cancellationToken);

    // One snapshot of the items, with the argument checks Map, MapSeries and Each share.
    private static TItem[] SnapshotItems<TItem>(IEnumerable<TItem> items, Delegate mapper, int concurrency,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(mapper))] string? mapperName = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(mapper, mapperName);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        return items.ToArray();
    }
}
