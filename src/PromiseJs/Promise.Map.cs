using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Calls <paramref name="mapper"/> on each item, with at most <paramref name="concurrency"/> of the promises it
    /// returned pending at a time, and returns a promise of their values in input order (Bluebird's <c>Promise.map</c>, p-map).
    /// It rejects with the first rejection (or exception from <paramref name="mapper"/>) and then starts no more items.</summary>
    /// <typeparam name="TItem">The type of the items.</typeparam>
    /// <typeparam name="T">The value type of the promises <paramref name="mapper"/> returns.</typeparam>
    /// <param name="items">The items, enumerated once, at the call.</param>
    /// <param name="mapper">Starts the work for one item and returns its promise; returning <see langword="null"/> rejects
    /// the result with <see cref="InvalidOperationException"/> (a value needs a promise: <c>Promise.Resolve(value)</c>).</param>
    /// <param name="concurrency">How many items may be in progress at once; unbounded by default.</param>
    /// <param name="cancellationToken">Stops starting items and rejects with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A promise that fulfills with the values of the mapped promises in input order (at once with an empty
    /// array for no items), or rejects with the first rejection, the first exception <paramref name="mapper"/> throws,
    /// an <see cref="InvalidOperationException"/> when <paramref name="mapper"/> returns <see langword="null"/>, or an
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.</returns>
    /// <remarks>The first <paramref name="concurrency"/> items start now, inside the call; each later one starts in the job where
    /// an earlier one's promise fulfilled, in the <see cref="ExecutionContext"/> of the call. Work already started is not
    /// stopped (its promises stay handled).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="mapper"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="concurrency"/> is less than one.</exception>
    public static Promise<T[]> Map<TItem, T>(
        IEnumerable<TItem> items, Func<TItem, Promise<T>> mapper, int concurrency = int.MaxValue, CancellationToken cancellationToken = default)
    {
        TItem[] snapshot = SnapshotItems(items, mapper, concurrency);
        return snapshot.Length == 0
            ? new Promise<T[]>([])
            : new MapCoordinator<TItem, T[]>(snapshot, mapper, concurrency, Collect.MappedValues<T>, nullIsError: true, cancellationToken);
    }

    /// <summary>Calls <paramref name="mapper"/> on one item at a time, each after the previous one's promise fulfilled,
    /// and returns a promise of their values in input order (Bluebird's <c>Promise.mapSeries</c>); it rejects with the
    /// first rejection and then starts no more items.</summary>
    /// <typeparam name="TItem">The type of the items.</typeparam>
    /// <typeparam name="T">The value type of the promises <paramref name="mapper"/> returns.</typeparam>
    /// <param name="items">The items, enumerated once, at the call.</param>
    /// <param name="mapper">Starts the work for one item and returns its promise; returning <see langword="null"/>
    /// rejects the result with <see cref="InvalidOperationException"/>.</param>
    /// <param name="cancellationToken">Stops starting items and rejects with
    /// <see cref="OperationCanceledException"/>.</param>
    /// <returns>A promise that fulfills with the values of the mapped promises in input order (at once with an empty
    /// array for no items), or rejects with the first rejection, the first exception <paramref name="mapper"/> throws,
    /// an <see cref="InvalidOperationException"/> when <paramref name="mapper"/> returns <see langword="null"/>, or an
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.</returns>
    /// <remarks>The same as
    /// <see cref="Map{TItem, T}(IEnumerable{TItem}, Func{TItem, Promise{T}}, int, CancellationToken)"/> with a
    /// concurrency of one: the first item starts now, inside the call; each later one in the job where the previous
    /// one's promise fulfilled, in the <see cref="ExecutionContext"/> of the call.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="mapper"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T[]> MapSeries<TItem, T>(
        IEnumerable<TItem> items, Func<TItem, Promise<T>> mapper, CancellationToken cancellationToken = default) =>
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
