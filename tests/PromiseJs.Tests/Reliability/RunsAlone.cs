namespace PromiseJs.Tests.Reliability;

/// <summary>Tests that want the machine to themselves: they run after the parallel classes, one at a time. The race test
/// is one: its eight threads on a two-core machine are slow enough already without other classes competing for the cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name, for <c>[Collection(RunsAlone.Name)]</c>.</summary>
    public const string Name = "Runs alone";
}
