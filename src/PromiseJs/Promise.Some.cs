using System.Runtime.ExceptionServices;
using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of the first <paramref name="count"/> values to arrive, in the order they arrived
    /// (Bluebird's <c>Promise.some</c>); once so many inputs rejected that <paramref name="count"/> fulfillments are
    /// impossible, it rejects with an <see cref="AggregateException"/> of those reasons, in the order they
    /// arrived.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to wait for, enumerated once, at this call.</param>
    /// <param name="count">How many fulfillments to wait for; zero or more.</param>
    /// <returns>A promise that fulfills with an array of the first <paramref name="count"/> values, in the order they
    /// arrived, or rejects with an <see cref="AggregateException"/> of the reasons, in the order they arrived, once too
    /// many inputs have rejected for <paramref name="count"/> to fulfill.</returns>
    /// <remarks><c>Some(promises, 1)</c> is <see cref="Any{T}(IEnumerable{Promise{T}})"/> with the value in an array. A
    /// count of zero fulfills at once with an empty array; a count larger than the input rejects at once.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Promise<T[]> Some<T>(IEnumerable<Promise<T>> promises, int count)
    {
        Promise<T>[] inputs = Snapshot(promises);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return new Promise<T[]>([]);
        }

        if (count > inputs.Length)
        {
            var impossible = new Promise<T[]>();
            impossible.TryReject(ExceptionDispatchInfo.Capture(SomeCoordinator<T>.TooFewInputs(count, inputs.Length)));
            return impossible;
        }

        return new SomeCoordinator<T>(inputs, count);
    }
}
