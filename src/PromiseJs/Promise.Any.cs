using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of the first input to fulfill; if all reject (or there are none), it rejects with an
    /// <see cref="AggregateException"/> whose inner exceptions are the reasons in input order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static Promise<T> Any<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? Reject<T>(AnyCoordinator<T>.AllRejected([])) : new AnyCoordinator<T>(inputs);
    }

    /// <inheritdoc cref="Any{T}(IEnumerable{Promise{T}})"/>
    public static Promise<T> Any<T>(params Promise<T>[] promises) => Any((IEnumerable<Promise<T>>)promises);
}
