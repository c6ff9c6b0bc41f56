namespace PromiseJs.Scheduling;

/// <summary>A queued unit of work: a reaction promise or <see cref="Internal.Reaction"/> with the promise that triggered it,
/// or a plain <see cref="Action"/>. A struct, so queueing a job allocates nothing.</summary>
internal readonly struct Job(object target, Promise? source)
{
    public readonly object Target = target;
    public readonly Promise? Source = source;

    public void Run()
    {
        object target = Target;
        if (target is Promise promise)
        {
            promise.RunJob(Source);
        }
        else if (target is Internal.Reaction reaction)
        {
            reaction.RunJob(Source);
        }
        else
        {
            ((Action)target)();
        }
    }
}
