using PromiseJs.PropertyTests.Generators;

namespace PromiseJs.PropertyTests.Support;

/// <summary>The suite's shared Arbitrary configuration, registered by <see cref="PromisePropertyAttribute"/>: the
/// generator, printer and shrinker FsCheck uses for each parameter type of a property method.</summary>
public static class PromiseArbitraries
{
    /// <summary>Gets generated promise programs (trees of promises, handlers and combinators).</summary>
    public static Arbitrary<TreeProgram> TreePrograms() => TreeGenerators.ProgramArb;
}
