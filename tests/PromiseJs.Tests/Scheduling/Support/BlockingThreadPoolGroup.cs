namespace PromiseJs.Tests.Scheduling.Support;

/// <summary>Tests that block thread-pool threads on purpose and attach handlers from several threads at once: run alone,
/// so that they neither starve nor disturb other tests (a heap measurement elsewhere counts their live objects).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BlockingThreadPoolGroup
{
    public const string Name = "Blocks thread-pool threads";
}
