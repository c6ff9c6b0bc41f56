using System.Runtime.CompilerServices;
using PromiseJs.Combinators;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of every input's value, in input order; it rejects with the first rejection in time.
    /// An empty input fulfills at once with an empty array.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to wait for, enumerated once, at this call; the same promise twice counts
    /// twice.</param>
    /// <returns>A promise that fulfills with an array of the inputs' values in input order once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <remarks>Unlike <see cref="Task.WhenAll(IEnumerable{Task})"/>, it rejects as soon as one input rejects, with
    /// that input's reason (not an <see cref="AggregateException"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T[]> All<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<T[]>([]) : new AllCoordinator<T[]>(inputs, Collect.Values<T>);
    }

    /// <summary>Returns a promise of every input's value, in input order; it rejects with the first rejection in time.
    /// An empty input fulfills at once with an empty array.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to wait for; the same promise twice counts twice.</param>
    /// <returns>A promise that fulfills with an array of the inputs' values in input order once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <remarks>Unlike <see cref="Task.WhenAll(IEnumerable{Task})"/>, it rejects as soon as one input rejects, with
    /// that input's reason (not an <see cref="AggregateException"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<T[]> All<T>(params Promise<T>[] promises) => All((IEnumerable<Promise<T>>)promises);

    /// <summary>Returns a promise that fulfills once every input has fulfilled, for promises of no value (or of values
    /// nobody needs); it rejects with the first rejection in time. An empty input fulfills at once.</summary>
    /// <param name="promises">The promises to wait for (of any value types), enumerated once, at this call.</param>
    /// <returns>A promise of no value that fulfills once every input has fulfilled, or rejects with the reason of the
    /// first input to reject.</returns>
    /// <remarks>Over promises that all have the same value type, the generic overload binds instead and keeps the
    /// values.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise All(IEnumerable<Promise> promises)
    {
        Promise[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<VoidResult>(default(VoidResult)) : new AllCoordinator<VoidResult>(inputs, Collect.Nothing);
    }

    /// <summary>Returns a promise that fulfills once every input has fulfilled, for promises of no value (or of values
    /// nobody needs); it rejects with the first rejection in time. An empty input fulfills at once.</summary>
    /// <param name="promises">The promises to wait for (of any value types).</param>
    /// <returns>A promise of no value that fulfills once every input has fulfilled, or rejects with the reason of the
    /// first input to reject.</returns>
    /// <remarks>Over promises that all have the same value type, the generic overload binds instead and keeps the
    /// values.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise All(params Promise[] promises) => All((IEnumerable<Promise>)promises);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it
    /// rejects with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int,
    /// string)&gt;</c>).</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 2 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills with a tuple of the inputs' values, in the tuple's order, once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2)> All<T1, T2>(
        (Promise<T1>, Promise<T2>) promises) =>
        new AllCoordinator<(T1, T2)>(
            TupleSnapshot([promises.Item1, promises.Item2]),
            Collect.Tuple<T1, T2>);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it
    /// rejects with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int,
    /// string)&gt;</c>).</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 3 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills with a tuple of the inputs' values, in the tuple's order, once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2, T3)> All<T1, T2, T3>(
        (Promise<T1>, Promise<T2>, Promise<T3>) promises) =>
        new AllCoordinator<(T1, T2, T3)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3]),
            Collect.Tuple<T1, T2, T3>);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it
    /// rejects with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int,
    /// string)&gt;</c>).</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 4 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills with a tuple of the inputs' values, in the tuple's order, once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2, T3, T4)> All<T1, T2, T3, T4>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4]),
            Collect.Tuple<T1, T2, T3, T4>);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it
    /// rejects with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int,
    /// string)&gt;</c>).</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <typeparam name="T5">The value type of the fifth promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 5 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills with a tuple of the inputs' values, in the tuple's order, once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2, T3, T4, T5)> All<T1, T2, T3, T4, T5>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4, T5)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5]),
            Collect.Tuple<T1, T2, T3, T4, T5>);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it
    /// rejects with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int,
    /// string)&gt;</c>).</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <typeparam name="T5">The value type of the fifth promise of the tuple.</typeparam>
    /// <typeparam name="T6">The value type of the sixth promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 6 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills with a tuple of the inputs' values, in the tuple's order, once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2, T3, T4, T5, T6)> All<T1, T2, T3, T4, T5, T6>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>, Promise<T6>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4, T5, T6)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5,
            promises.Item6]),
            Collect.Tuple<T1, T2, T3, T4, T5, T6>);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it
    /// rejects with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int,
    /// string)&gt;</c>).</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <typeparam name="T5">The value type of the fifth promise of the tuple.</typeparam>
    /// <typeparam name="T6">The value type of the sixth promise of the tuple.</typeparam>
    /// <typeparam name="T7">The value type of the seventh promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 7 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills with a tuple of the inputs' values, in the tuple's order, once every input has
    /// fulfilled, or rejects with the reason of the first input to reject.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2, T3, T4, T5, T6, T7)> All<T1, T2, T3, T4, T5, T6, T7>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>, Promise<T6>, Promise<T7>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4, T5, T6, T7)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5,
            promises.Item6, promises.Item7]),
            Collect.Tuple<T1, T2, T3, T4, T5, T6, T7>);

    // One snapshot of the input, with the argument checks every combinator shares.
    private static TPromise[] Snapshot<TPromise>(IEnumerable<TPromise> promises, [CallerArgumentExpression(nameof(promises))] string? name = null)
        where TPromise : Promise
    {
        ArgumentNullException.ThrowIfNull(promises, name);
        TPromise[] inputs = promises.ToArray();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException($"The promise at index {i} is null; every element must be a promise.", name);
            }
        }

        return inputs;
    }

    // The snapshot of a tuple's promises (already an array of its own); the parameter is named as the facades' tuple.
    private static Promise[] TupleSnapshot(Promise[] promises)
    {
        for (int i = 0; i < promises.Length; i++)
        {
            if (promises[i] is null)
            {
                throw new ArgumentException($"The promise Item{i + 1} of the tuple is null; every element must be a promise.", nameof(promises));
            }
        }

        return promises;
    }
}
