using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise that settles as the first input to settle, fulfilled or rejected; an empty input never settles.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static Promise<T> Race<T>(IEnumerable<Promise<T>> promises) => new RaceCoordinator<T>(Snapshot(promises));

    /// <inheritdoc cref="Race{T}(IEnumerable{Promise{T}})"/>
    public static Promise<T> Race<T>(params Promise<T>[] promises) => Race((IEnumerable<Promise<T>>)promises);
}
