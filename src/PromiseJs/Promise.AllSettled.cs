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
        return inputs.Length == 0
            ? new Promise<PromiseSettledResult<T>[]>([])
            : new AllSettledCoordinator<PromiseSettledResult<T>[]>(inputs, Collect.SettledResults<T>);
    }

    /// <inheritdoc cref="AllSettled{T}(IEnumerable{Promise{T}})"/>
    public static Promise<PromiseSettledResult<T>[]> AllSettled<T>(params Promise<T>[] promises) =>
        AllSettled((IEnumerable<Promise<T>>)promises);

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once all have
    /// settled; it never rejects.</summary>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(PromiseSettledResult<T1>, PromiseSettledResult<T2>)> AllSettled<T1, T2>(
        (Promise<T1>, Promise<T2>) promises) =>
        new AllSettledCoordinator<(PromiseSettledResult<T1>, PromiseSettledResult<T2>)>(
            TupleSnapshot([promises.Item1, promises.Item2]),
            Collect.SettledTuple<T1, T2>);

    /// <inheritdoc cref="AllSettled{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>)> AllSettled<T1, T2, T3>(
        (Promise<T1>, Promise<T2>, Promise<T3>) promises) =>
        new AllSettledCoordinator<(PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3]),
            Collect.SettledTuple<T1, T2, T3>);

    /// <inheritdoc cref="AllSettled{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>,
        PromiseSettledResult<T4>)> AllSettled<T1, T2, T3, T4>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>) promises) =>
        new AllSettledCoordinator<(
            PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4]),
            Collect.SettledTuple<T1, T2, T3, T4>);

    /// <inheritdoc cref="AllSettled{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>)> AllSettled<T1, T2, T3, T4, T5>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>) promises) =>
        new AllSettledCoordinator<(
            PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
            PromiseSettledResult<T5>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5]),
            Collect.SettledTuple<T1, T2, T3, T4, T5>);

    /// <inheritdoc cref="AllSettled{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>, PromiseSettledResult<T6>)> AllSettled<T1, T2, T3, T4, T5, T6>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>, Promise<T6>) promises) =>
        new AllSettledCoordinator<(
            PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
            PromiseSettledResult<T5>, PromiseSettledResult<T6>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5,
            promises.Item6]),
            Collect.SettledTuple<T1, T2, T3, T4, T5, T6>);

    /// <inheritdoc cref="AllSettled{T1, T2}(ValueTuple{Promise{T1}, Promise{T2}})"/>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>, PromiseSettledResult<T6>,
        PromiseSettledResult<T7>)> AllSettled<T1, T2, T3, T4, T5, T6, T7>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>, Promise<T6>, Promise<T7>) promises) =>
        new AllSettledCoordinator<(
            PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
            PromiseSettledResult<T5>, PromiseSettledResult<T6>, PromiseSettledResult<T7>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5,
            promises.Item6, promises.Item7]),
            Collect.SettledTuple<T1, T2, T3, T4, T5, T6, T7>);
}
