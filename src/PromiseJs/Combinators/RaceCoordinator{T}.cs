using PromiseJs.Scheduling;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Race</c>: settles as the first input to settle. Needs no index, so it registers itself
/// on every input: one object per call. First-wins is the settle compare-and-swap.</summary>
internal sealed class RaceCoordinator<T> : Promise<T>
{
    private readonly object _scheduler = JobScheduler.Capture();

    public RaceCoordinator(Promise<T>[] inputs)
    {
        foreach (Promise<T> input in inputs)
        {
            input.AddReaction(this);
        }
    }

    internal override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(_scheduler, this, source);

    internal override void RunJob(Promise? source)
    {
        if (source!.IsFulfilled)
        {
            TryFulfill(((Promise<T>)source)._value);
        }
        else
        {
            TryReject(source.RejectionInfo);
        }
    }
}
