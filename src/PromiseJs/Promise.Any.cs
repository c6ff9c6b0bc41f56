using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of the first input to fulfill; if all reject (or there are none), it rejects with an
    /// <see cref="AggregateException"/> whose inner exceptions are the reasons in input order.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to race for a fulfillment, enumerated once, at this call.</param>
    /// <returns>A promise that fulfills with the value of the first input to fulfill, or, once every input has
    /// rejected, rejects with an <see cref="AggregateException"/> of their reasons in input order (at once for an empty
    /// input).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T> Any<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? Reject<T>(AnyCoordinator<T>.AllRejected([])) : new AnyCoordinator<T>(inputs);
    }

    /// <summary>Returns a promise of the first input to fulfill; if all reject (or there are none), it rejects with an
    /// <see cref="AggregateException"/> whose inner exceptions are the reasons in input order.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to race for a fulfillment.</param>
    /// <returns>A promise that fulfills with the value of the first input to fulfill, or, once every input has
    /// rejected, rejects with an <see cref="AggregateException"/> of their reasons in input order (at once for an empty
    /// input).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T> Any<T>(params Promise<T>[] promises) => Any((IEnumerable<Promise<T>>)promises);
}
