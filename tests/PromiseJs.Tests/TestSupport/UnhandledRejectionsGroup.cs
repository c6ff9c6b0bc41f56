namespace PromiseJs.Tests.TestSupport;

/// <summary>Tests that subscribe to the global <see cref="Promise.UnhandledRejection"/> and <see cref="Promise.RejectionHandled"/>
/// events run alone, never beside the other test classes, and filter every event on objects they created.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UnhandledRejectionsGroup
{
    public const string Name = "UnhandledRejections";
}
