using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise that settles as the first input to settle, fulfilled or rejected; an empty input
    /// never settles.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to race, enumerated once, at this call.</param>
    /// <returns>A promise that fulfills with the value, or rejects with the reason, of the first input to settle; for
    /// an empty input, a promise that stays pending forever.</returns>
    /// <remarks>Once it has settled, it lets go of the inputs still pending (they stay handled, as in JavaScript), so
    /// racing against a promise that never settles, again and again, does not accumulate reactions on it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T> Race<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<T>() : new RaceCoordinator<T>(inputs);
    }

    /// <summary>Returns a promise that settles as the first input to settle, fulfilled or rejected; an empty input
    /// never settles.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to race.</param>
    /// <returns>A promise that fulfills with the value, or rejects with the reason, of the first input to settle; for
    /// an empty input, a promise that stays pending forever.</returns>
    /// <remarks>Once it has settled, it lets go of the inputs still pending (they stay handled, as in JavaScript), so
    /// racing against a promise that never settles, again and again, does not accumulate reactions on it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T> Race<T>(params Promise<T>[] promises) => Race((IEnumerable<Promise<T>>)promises);
}
