using System.Runtime.CompilerServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.AllKeyed</c>: <c>Promise.All</c> over a dictionary's values, fulfilling with a dictionary
/// of the same keys; rejects with the first rejection in time.</summary>
internal sealed class AllKeyedCoordinator<TKey, T> : Coordinator<Dictionary<TKey, T>>
    where TKey : notnull
{
    // The keys, at the same indexes as the inputs.
    private readonly TKey[] _keys;
    private readonly IEqualityComparer<TKey>? _comparer;

    public AllKeyedCoordinator(TKey[] keys, Promise<T>[] inputs, IEqualityComparer<TKey>? comparer)
        : base(inputs)
    {
        _keys = keys;
        _comparer = comparer;
        Subscribe();
    }

    protected override void OnInputSettled(Promise input)
    {
        if (input.IsRejected)
        {
            Reject(input.RejectionInfo, early: true);
            return;
        }

        if (CountDown() && Inputs is { } inputs)
        {
            Fulfill(Collect(inputs), early: false);
        }
    }

    protected override void OnEveryInputSettled(Promise[] inputs)
    {
        foreach (Promise input in inputs)
        {
            if (input.IsRejected)
            {
                Reject(input.RejectionInfo, early: false);
                return;
            }
        }

        Fulfill(Collect(inputs), early: false);
    }

    private Dictionary<TKey, T> Collect(Promise[] inputs)
    {
        var values = new Dictionary<TKey, T>(inputs.Length, _comparer);
        for (int i = 0; i < inputs.Length; i++)
        {
            values[_keys[i]] = Unsafe.As<Promise<T>>(inputs[i])._value;
        }

        return values;
    }
}
