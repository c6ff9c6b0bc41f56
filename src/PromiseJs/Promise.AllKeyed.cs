using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of a dictionary with the same keys as <paramref name="promises"/> and each promise's
    /// value (the TC39 proposal's <c>Promise.allKeyed</c>, Bluebird's <c>Promise.props</c>); it rejects with the first
    /// rejection in time. An empty dictionary fulfills at once with an empty one.</summary>
    /// <typeparam name="TKey">The type of the keys.</typeparam>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to wait for, by key; its entries are read once, at this call.</param>
    /// <returns>A promise that fulfills with a new dictionary from each key to its promise's value once every promise
    /// has fulfilled, or rejects with the reason of the first to reject.</returns>
    /// <remarks>The result uses the comparer of <paramref name="promises"/> when it is a
    /// <see cref="Dictionary{TKey, TValue}"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<Dictionary<TKey, T>> AllKeyed<TKey, T>(IReadOnlyDictionary<TKey, Promise<T>> promises)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(promises);
        IEqualityComparer<TKey>? comparer = (promises as Dictionary<TKey, Promise<T>>)?.Comparer;
        KeyValuePair<TKey, Promise<T>>[] entries = promises.ToArray();
        var keys = new TKey[entries.Length];
        var inputs = new Promise<T>[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            keys[i] = entries[i].Key;
            inputs[i] = entries[i].Value
                ?? throw new ArgumentException($"The promise for key '{entries[i].Key}' is null; every value must be a promise.", nameof(promises));
        }

        return inputs.Length == 0
            ? new Promise<Dictionary<TKey, T>>(new Dictionary<TKey, T>(comparer))
            : new AllCoordinator<Dictionary<TKey, T>>(inputs, settled => Collect.Keyed<TKey, T>(keys, settled, comparer));
    }
}
