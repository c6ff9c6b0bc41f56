namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.All</c>: values written by index, fulfills when the count reaches zero, rejects on the first rejection.</summary>
internal sealed class AllCoordinator<T> : Coordinator<T[]>
{
    private readonly T[] _values;
    private int _remaining;

    public AllCoordinator(Promise<T>[] inputs)
    {
        _values = new T[inputs.Length];
        _remaining = inputs.Length;
        Subscribe(inputs);
    }

    protected override void OnElementSettled(int index, Promise input)
    {
        if (input.IsRejected)
        {
            TryReject(input.RejectionInfo);
            return;
        }

        _values[index] = ((Promise<T>)input)._value;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            TryFulfill(_values);
        }
    }
}
