namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Race</c>: settles as the first input to settle. First-wins is the settle compare-and-swap;
/// the inputs still pending then let go of it, so racing against a promise that never settles does not grow it.</summary>
internal sealed class RaceCoordinator<T> : Coordinator<T>
{
    public RaceCoordinator(Promise<T>[] inputs)
        : base(inputs)
    {
        Subscribe();
    }

    protected override void OnInputSettled(Promise input)
    {
        if (input.IsFulfilled)
        {
            Fulfill(Promise<T>.ValueOf(input), early: true);
        }
        else
        {
            Reject(input.RejectionInfo, early: true);
        }
    }
}
