namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.All</c> in its array, tuple and value-less shapes: rejects with the first rejection
/// in time; once every input has fulfilled, builds the result from their values in input order.</summary>
internal sealed class AllCoordinator<TResult> : Coordinator<TResult>
{
    // Builds the result from the fulfilled inputs: an array, a tuple, nothing.
    private readonly Func<Promise[], TResult> _collect;

    public AllCoordinator(Promise[] inputs, Func<Promise[], TResult> collect)
        : base(inputs)
    {
        _collect = collect;
        Subscribe();
    }

    protected override void OnInputSettled(Promise input)
    {
        if (input.IsRejected)
        {
            Reject(input.RejectionInfo, early: true);
            return;
        }

        // A rejected input never counts down, so the count reaches zero only when every input fulfilled.
        if (CountDown() && Inputs is { } inputs)
        {
            Fulfill(_collect(inputs), early: false);
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

        Fulfill(_collect(inputs), early: false);
    }
}
