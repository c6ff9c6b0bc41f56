using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of every input's outcome, in input order, once all have settled; it never rejects.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static Promise<PromiseSettledResult<T>[]> AllSettled<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<PromiseSettledResult<T>[]>([]) : new AllSettledCoordinator<T>(inputs);
    }

    /// <inheritdoc cref="AllSettled{T}(IEnumerable{Promise{T}})"/>
    public static Promise<PromiseSettledResult<T>[]> AllSettled<T>(params Promise<T>[] promises) =>
        AllSettled((IEnumerable<Promise<T>>)promises);
}
