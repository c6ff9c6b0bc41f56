using System.Runtime.ExceptionServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Any</c>: fulfills with the first fulfillment; when every input rejected, rejects with an
/// <see cref="AggregateException"/> of the reasons in input order.</summary>
internal sealed class AnyCoordinator<T> : Coordinator<T>
{
    private readonly Exception[] _reasons;
    private int _remaining;

    public AnyCoordinator(Promise<T>[] inputs)
    {
        _reasons = new Exception[inputs.Length];
        _remaining = inputs.Length;
        Subscribe(inputs);
    }

    public static AggregateException AllRejected(Exception[] reasons) => new("All promises were rejected.", reasons);

    protected override void OnElementSettled(int index, Promise input)
    {
        if (input.IsFulfilled)
        {
            TryFulfill(((Promise<T>)input)._value);
            return;
        }

        _reasons[index] = input.RejectionInfo.SourceException;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            TryReject(ExceptionDispatchInfo.Capture(AllRejected(_reasons)));
        }
    }
}
