using System.Runtime.ExceptionServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Any</c>: fulfills with the first fulfillment; when every input rejected, rejects with an
/// <see cref="AggregateException"/> of the reasons in input order.</summary>
internal sealed class AnyCoordinator<T> : Coordinator<T>
{
    public AnyCoordinator(Promise<T>[] inputs)
        : base(inputs)
    {
        Subscribe();
    }

    public static AggregateException AllRejected(Exception[] reasons) => new("All promises were rejected.", reasons);

    protected override void OnInputSettled(Promise input)
    {
        if (input.IsFulfilled)
        {
            Fulfill(Promise<T>.ValueOf(input), early: true);
            return;
        }

        // A fulfilled input never counts down, so the count reaches zero only when every input rejected.
        if (CountDown() && Inputs is { } inputs)
        {
            RejectWithEveryReason(inputs);
        }
    }

    protected override void OnEveryInputSettled(Promise[] inputs)
    {
        foreach (Promise input in inputs)
        {
            if (input.IsFulfilled)
            {
                Fulfill(Promise<T>.ValueOf(input), early: false);
                return;
            }
        }

        RejectWithEveryReason(inputs);
    }

    private void RejectWithEveryReason(Promise[] inputs)
    {
        var reasons = new Exception[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            reasons[i] = inputs[i].RejectionInfo.SourceException;
        }

        Reject(ExceptionDispatchInfo.Capture(AllRejected(reasons)), early: false);
    }
}
