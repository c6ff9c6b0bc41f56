using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Folds the items one at a time with a reducer that returns a promise (Bluebird's <c>Promise.reduce</c>): each
    /// call gets the value the previous call's promise fulfilled with, the first gets <paramref name="seed"/>; the returned
    /// promise fulfills with the last value, or rejects with the first rejection (or exception from
    /// <paramref name="reducer"/>). No items fulfills at once with <paramref name="seed"/>.</summary>
    /// <typeparam name="TItem">The type of the items.</typeparam>
    /// <typeparam name="TAccumulate">The type of the accumulated value.</typeparam>
    /// <param name="items">The items, enumerated once, at the call.</param>
    /// <param name="reducer">Combines the value so far with one item; a <see langword="null"/> promise counts as <c>default</c>.</param>
    /// <param name="seed">The value before the first item.</param>
    /// <param name="cancellationToken">Stops calling the reducer and rejects with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A promise that fulfills with the value the last reducer call's promise fulfilled with (with
    /// <paramref name="seed"/> for no items), or rejects with the first rejection, the first exception
    /// <paramref name="reducer"/> throws, or an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled.</returns>
    /// <remarks>The reducer is called on the first item now, inside the call; on each later one in the job where the previous
    /// promise fulfilled, in the <see cref="ExecutionContext"/> of the call.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="reducer"/> is <see langword="null"/>.</exception>
    public static Promise<TAccumulate> Reduce<TItem, TAccumulate>(
        IEnumerable<TItem> items, Func<TAccumulate, TItem, Promise<TAccumulate>?> reducer, TAccumulate seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reducer);
        TItem[] snapshot = items.ToArray();
        return snapshot.Length == 0
            ? new Promise<TAccumulate>(seed)
            : new ReduceCoordinator<TItem, TAccumulate>(snapshot, reducer, seed, cancellationToken);
    }
}
