namespace PromiseJs.Scheduling;

/// <summary>A queued unit of work: a reaction promise (or <see cref="Internal.Reaction"/>) with the promise that triggered
/// it. A struct, so queueing a job allocates nothing; running it is one virtual call.</summary>
internal readonly struct Job(Promise target, Promise? source)
{
    public readonly Promise Target = target;
    public readonly Promise? Source = source;

    public void Run() => Target.RunJob(Source);
}
