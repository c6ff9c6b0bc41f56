namespace PromiseJs.Tests.Context.Support;

/// <summary>Tests that change the global <see cref="PromiseJs.Context.PromiseContext.DefaultStart"/> run alone: every node
/// created anywhere meanwhile would read it. xunit runs a collection without parallelization after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalDefaultStartGroup
{
    public const string Name = "PromiseContext.DefaultStart";
}
