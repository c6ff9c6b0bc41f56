using System.Runtime.CompilerServices;
using PromiseJs.Combinators;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of every input's value, in input order; it rejects with the first rejection in time.
    /// An empty input fulfills at once with an empty array.</summary>
    /// <remarks>Unlike <see cref="Task.WhenAll(IEnumerable{Task})"/>, it rejects as soon as one input rejects, with that
    /// input's reason (not an <see cref="AggregateException"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static Promise<T[]> All<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<T[]>([]) : new AllCoordinator<T[]>(inputs, Collect.Values<T>);
    }

    /// <inheritdoc cref="All{T}(IEnumerable{Promise{T}})"/>
    public static Promise<T[]> All<T>(params Promise<T>[] promises) => All((IEnumerable<Promise<T>>)promises);

    /// <summary>Returns a promise that fulfills once every input has fulfilled, for promises of no value (or of values
    /// nobody needs); it rejects with the first rejection in time. An empty input fulfills at once.</summary>
    /// <remarks>Over promises that all have the same value type, the generic overload binds instead and keeps the values.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static Promise All(IEnumerable<Promise> promises)
    {
        Promise[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<VoidResult>(default(VoidResult)) : new AllCoordinator<VoidResult>(inputs, Collect.Nothing);
    }

    /// <inheritdoc cref="All(IEnumerable{Promise})"/>
    public static Promise All(params Promise[] promises) => All((IEnumerable<Promise>)promises);

    /// <summary>Returns a promise of the values of promises of different types, as a tuple in the same order; it rejects
    /// with the first rejection in time (<c>Promise.All((pInt, pString))</c> → <c>Promise&lt;(int, string)&gt;</c>).</summary>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(T1, T2)> All<T1, T2>(
        (Promise<T1>, Promise<T2>) promises) =>
        new AllCoordinator<(T1, T2)>(
            TupleSnapshot([promises.Item1, promises.Item2]),
            Collect.Tuple<T1, T2>);

    /// <inheritdoc cref="All{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(T1, T2, T3)> All<T1, T2, T3>(
        (Promise<T1>, Promise<T2>, Promise<T3>) promises) =>
        new AllCoordinator<(T1, T2, T3)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3]),
            Collect.Tuple<T1, T2, T3>);

    /// <inheritdoc cref="All{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(T1, T2, T3, T4)> All<T1, T2, T3, T4>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4]),
            Collect.Tuple<T1, T2, T3, T4>);

    /// <inheritdoc cref="All{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(T1, T2, T3, T4, T5)> All<T1, T2, T3, T4, T5>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4, T5)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5]),
            Collect.Tuple<T1, T2, T3, T4, T5>);

    /// <inheritdoc cref="All{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(T1, T2, T3, T4, T5, T6)> All<T1, T2, T3, T4, T5, T6>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>, Promise<T6>) promises) =>
        new AllCoordinator<(T1, T2, T3, T4, T5, T6)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5,
            promises.Item6]),
            Collect.Tuple<T1, T2, T3, T4, T5, T6>);

    /// <inheritdoc cref="All{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
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
