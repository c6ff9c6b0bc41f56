using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of every input's outcome, in input order, once all have settled; it never
    /// rejects.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to wait for, enumerated once, at this call; the same promise twice counts
    /// twice.</param>
    /// <returns>A promise that fulfills, once every input has settled, with one <see cref="PromiseSettledResult{T}"/>
    /// per input in input order (its <c>Status</c>, and its <c>Value</c> or <c>Reason</c>); it never rejects. An empty
    /// input fulfills at once with an empty array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<PromiseSettledResult<T>[]> AllSettled<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0
            ? new Promise<PromiseSettledResult<T>[]>([])
            : new AllSettledCoordinator<PromiseSettledResult<T>[]>(inputs, Collect.SettledResults<T>);
    }

    /// <summary>Returns a promise of every input's outcome, in input order, once all have settled; it never
    /// rejects.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The promises to wait for; the same promise twice counts twice.</param>
    /// <returns>A promise that fulfills, once every input has settled, with one <see cref="PromiseSettledResult{T}"/>
    /// per input in input order (its <c>Status</c>, and its <c>Value</c> or <c>Reason</c>); it never rejects. An empty
    /// input fulfills at once with an empty array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is
    /// <see langword="null"/>.</exception>
    public static Promise<PromiseSettledResult<T>[]> AllSettled<T>(params Promise<T>[] promises) =>
        AllSettled((IEnumerable<Promise<T>>)promises);

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once
    /// all have settled; it never rejects.</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 2 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills, once every input has settled, with a tuple of one
    /// <see cref="PromiseSettledResult{T}"/> per input, in the tuple's order; it never rejects.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(PromiseSettledResult<T1>, PromiseSettledResult<T2>)> AllSettled<T1, T2>(
        (Promise<T1>, Promise<T2>) promises) =>
        new AllSettledCoordinator<(PromiseSettledResult<T1>, PromiseSettledResult<T2>)>(
            TupleSnapshot([promises.Item1, promises.Item2]),
            Collect.SettledTuple<T1, T2>);

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once
    /// all have settled; it never rejects.</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 3 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills, once every input has settled, with a tuple of one
    /// <see cref="PromiseSettledResult{T}"/> per input, in the tuple's order; it never rejects.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>)> AllSettled<T1, T2, T3>(
        (Promise<T1>, Promise<T2>, Promise<T3>) promises) =>
        new AllSettledCoordinator<(PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3]),
            Collect.SettledTuple<T1, T2, T3>);

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once
    /// all have settled; it never rejects.</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 4 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills, once every input has settled, with a tuple of one
    /// <see cref="PromiseSettledResult{T}"/> per input, in the tuple's order; it never rejects.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>,
        PromiseSettledResult<T4>)> AllSettled<T1, T2, T3, T4>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>) promises) =>
        new AllSettledCoordinator<(
            PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4]),
            Collect.SettledTuple<T1, T2, T3, T4>);

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once
    /// all have settled; it never rejects.</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <typeparam name="T5">The value type of the fifth promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 5 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills, once every input has settled, with a tuple of one
    /// <see cref="PromiseSettledResult{T}"/> per input, in the tuple's order; it never rejects.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
    public static Promise<(
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>)> AllSettled<T1, T2, T3, T4, T5>(
        (Promise<T1>, Promise<T2>, Promise<T3>, Promise<T4>, Promise<T5>) promises) =>
        new AllSettledCoordinator<(
            PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
            PromiseSettledResult<T5>)>(
            TupleSnapshot([promises.Item1, promises.Item2, promises.Item3, promises.Item4, promises.Item5]),
            Collect.SettledTuple<T1, T2, T3, T4, T5>);

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once
    /// all have settled; it never rejects.</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <typeparam name="T5">The value type of the fifth promise of the tuple.</typeparam>
    /// <typeparam name="T6">The value type of the sixth promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 6 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills, once every input has settled, with a tuple of one
    /// <see cref="PromiseSettledResult{T}"/> per input, in the tuple's order; it never rejects.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
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

    /// <summary>Returns a promise of the outcomes of promises of different types, as a tuple in the same order, once
    /// all have settled; it never rejects.</summary>
    /// <typeparam name="T1">The value type of the first promise of the tuple.</typeparam>
    /// <typeparam name="T2">The value type of the second promise of the tuple.</typeparam>
    /// <typeparam name="T3">The value type of the third promise of the tuple.</typeparam>
    /// <typeparam name="T4">The value type of the fourth promise of the tuple.</typeparam>
    /// <typeparam name="T5">The value type of the fifth promise of the tuple.</typeparam>
    /// <typeparam name="T6">The value type of the sixth promise of the tuple.</typeparam>
    /// <typeparam name="T7">The value type of the seventh promise of the tuple.</typeparam>
    /// <param name="promises">A tuple of 7 promises to wait for, <c>(p1, p2, …)</c>.</param>
    /// <returns>A promise that fulfills, once every input has settled, with a tuple of one
    /// <see cref="PromiseSettledResult{T}"/> per input, in the tuple's order; it never rejects.</returns>
    /// <exception cref="ArgumentException">A promise of the tuple is <see langword="null"/>.</exception>
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
