namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.AllSettled</c>: one result per input, by index; never rejects.</summary>
internal sealed class AllSettledCoordinator<T> : Coordinator<PromiseSettledResult<T>[]>
{
    private readonly PromiseSettledResult<T>[] _results;
    private int _remaining;

    public AllSettledCoordinator(Promise<T>[] inputs)
    {
        _results = new PromiseSettledResult<T>[inputs.Length];
        _remaining = inputs.Length;
        Subscribe(inputs);
    }

    protected override void OnElementSettled(int index, Promise input)
    {
        _results[index] = input.IsFulfilled
            ? new PromiseSettledResult<T>(PromiseState.Fulfilled, ((Promise<T>)input)._value, null)
            : new PromiseSettledResult<T>(PromiseState.Rejected, default!, input.RejectionInfo.SourceException);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            TryFulfill(_results);
        }
    }
}
