using PromiseJs.Internal;

namespace PromiseJs.Combinators;

/// <summary>The result builders the coordinators call once every input has settled: they read the outcomes from the
/// inputs themselves, in input order, so no coordinator keeps a slot per input while it waits.</summary>
internal static class Collect
{
    /// <summary>The values of fulfilled <c>Promise&lt;T&gt;</c> inputs, as an array.</summary>
    public static T[] Values<T>(Promise[] inputs)
    {
        var values = new T[inputs.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Promise<T>.ValueOf(inputs[i]);
        }

        return values;
    }

    /// <summary>The values of fulfilled <c>Promise&lt;T&gt;</c> inputs under the keys at the same indexes (<c>Promise.AllKeyed</c>).</summary>
    public static Dictionary<TKey, T> Keyed<TKey, T>(TKey[] keys, Promise[] inputs, IEqualityComparer<TKey>? comparer)
        where TKey : notnull
    {
        var values = new Dictionary<TKey, T>(inputs.Length, comparer);
        for (int i = 0; i < inputs.Length; i++)
        {
            values[keys[i]] = Promise<T>.ValueOf(inputs[i]);
        }

        return values;
    }

    /// <summary>Nothing: the value-less <c>Promise.All</c>.</summary>
    public static VoidResult Nothing(Promise[] inputs) => default;

    /// <summary>The values of the promises a mapper returned, as an array (<see langword="null"/> stands for <c>default</c>).</summary>
    public static T[] MappedValues<T>(Promise?[] started)
    {
        var values = new T[started.Length];
        for (int i = 0; i < values.Length; i++)
        {
            // Map rejects as soon as a mapper returns null, so every slot holds a fulfilled promise here.
            values[i] = Promise<T>.ValueOf(started[i]!);
        }

        return values;
    }

    /// <summary>Nothing: <c>Promise.Each</c>.</summary>
    public static VoidResult NothingMapped(Promise?[] started) => default;

    /// <summary>One settled result per input, as an array.</summary>
    public static PromiseSettledResult<T>[] SettledResults<T>(Promise[] inputs)
    {
        var results = new PromiseSettledResult<T>[inputs.Length];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Settled<T>(inputs[i]);
        }

        return results;
    }

    /// <summary>The value of a fulfilled input.</summary>
    public static T Value<T>(Promise input) => Promise<T>.ValueOf(input);

    /// <summary>The outcome of a settled input.</summary>
    public static PromiseSettledResult<T> Settled<T>(Promise input) => input.IsFulfilled
        ? new PromiseSettledResult<T>(PromiseState.Fulfilled, Promise<T>.ValueOf(input), null)
        : new PromiseSettledResult<T>(PromiseState.Rejected, default!, input.RejectionInfo.SourceException);

    /// <summary>The values of 2 fulfilled inputs, as a tuple.</summary>
    public static (T1, T2) Tuple<T1, T2>(Promise[] inputs) =>
        (Value<T1>(inputs[0]), Value<T2>(inputs[1]));

    /// <summary>The values of 3 fulfilled inputs, as a tuple.</summary>
    public static (T1, T2, T3) Tuple<T1, T2, T3>(Promise[] inputs) =>
        (Value<T1>(inputs[0]), Value<T2>(inputs[1]), Value<T3>(inputs[2]));

    /// <summary>The values of 4 fulfilled inputs, as a tuple.</summary>
    public static (T1, T2, T3, T4) Tuple<T1, T2, T3, T4>(Promise[] inputs) =>
        (Value<T1>(inputs[0]), Value<T2>(inputs[1]), Value<T3>(inputs[2]), Value<T4>(inputs[3]));

    /// <summary>The values of 5 fulfilled inputs, as a tuple.</summary>
    public static (T1, T2, T3, T4, T5) Tuple<T1, T2, T3, T4, T5>(Promise[] inputs) =>
        (Value<T1>(inputs[0]), Value<T2>(inputs[1]), Value<T3>(inputs[2]), Value<T4>(inputs[3]),
        Value<T5>(inputs[4]));

    /// <summary>The values of 6 fulfilled inputs, as a tuple.</summary>
    public static (T1, T2, T3, T4, T5, T6) Tuple<T1, T2, T3, T4, T5, T6>(Promise[] inputs) =>
        (Value<T1>(inputs[0]), Value<T2>(inputs[1]), Value<T3>(inputs[2]), Value<T4>(inputs[3]), Value<T5>(inputs[4]),
        Value<T6>(inputs[5]));

    /// <summary>The values of 7 fulfilled inputs, as a tuple.</summary>
    public static (T1, T2, T3, T4, T5, T6, T7) Tuple<T1, T2, T3, T4, T5, T6, T7>(Promise[] inputs) =>
        (Value<T1>(inputs[0]), Value<T2>(inputs[1]), Value<T3>(inputs[2]), Value<T4>(inputs[3]), Value<T5>(inputs[4]),
        Value<T6>(inputs[5]), Value<T7>(inputs[6]));

    /// <summary>The outcomes of 2 settled inputs, as a tuple.</summary>
    public static (PromiseSettledResult<T1>, PromiseSettledResult<T2>) SettledTuple<T1, T2>(Promise[] inputs) =>
        (Settled<T1>(inputs[0]), Settled<T2>(inputs[1]));

    /// <summary>The outcomes of 3 settled inputs, as a tuple.</summary>
    public static (
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>) SettledTuple<T1, T2, T3>(
        Promise[] inputs) =>
        (Settled<T1>(inputs[0]), Settled<T2>(inputs[1]), Settled<T3>(inputs[2]));

    /// <summary>The outcomes of 4 settled inputs, as a tuple.</summary>
    public static (
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>,
        PromiseSettledResult<T4>) SettledTuple<T1, T2, T3, T4>(
        Promise[] inputs) =>
        (Settled<T1>(inputs[0]), Settled<T2>(inputs[1]), Settled<T3>(inputs[2]), Settled<T4>(inputs[3]));

    /// <summary>The outcomes of 5 settled inputs, as a tuple.</summary>
    public static (
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>) SettledTuple<T1, T2, T3, T4, T5>(
        Promise[] inputs) =>
        (Settled<T1>(inputs[0]), Settled<T2>(inputs[1]), Settled<T3>(inputs[2]), Settled<T4>(inputs[3]),
        Settled<T5>(inputs[4]));

    /// <summary>The outcomes of 6 settled inputs, as a tuple.</summary>
    public static (
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>, PromiseSettledResult<T6>) SettledTuple<T1, T2, T3, T4, T5, T6>(
        Promise[] inputs) =>
        (Settled<T1>(inputs[0]), Settled<T2>(inputs[1]), Settled<T3>(inputs[2]), Settled<T4>(inputs[3]),
        Settled<T5>(inputs[4]), Settled<T6>(inputs[5]));

    /// <summary>The outcomes of 7 settled inputs, as a tuple.</summary>
    public static (
        PromiseSettledResult<T1>, PromiseSettledResult<T2>, PromiseSettledResult<T3>, PromiseSettledResult<T4>,
        PromiseSettledResult<T5>, PromiseSettledResult<T6>,
        PromiseSettledResult<T7>) SettledTuple<T1, T2, T3, T4, T5, T6, T7>(
        Promise[] inputs) =>
        (Settled<T1>(inputs[0]), Settled<T2>(inputs[1]), Settled<T3>(inputs[2]), Settled<T4>(inputs[3]),
        Settled<T5>(inputs[4]), Settled<T6>(inputs[5]), Settled<T7>(inputs[6]));
}
