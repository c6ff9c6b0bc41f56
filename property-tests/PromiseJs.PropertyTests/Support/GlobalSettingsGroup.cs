namespace PromiseJs.PropertyTests.Support;

/// <summary>Tests that change process-wide settings (<see cref="Context.PromiseContext.DefaultStart"/>) run in this
/// collection, which xunit runs alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalSettingsGroup
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Global settings";
}
