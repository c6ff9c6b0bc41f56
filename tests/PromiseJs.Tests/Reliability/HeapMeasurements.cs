namespace PromiseJs.Tests.Reliability;

/// <summary>The tests that measure the heap with <see cref="GC.GetTotalMemory(bool)"/>: they run alone, after the parallel
/// classes, so no other test's allocations land in their measurements.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurements
{
    /// <summary>The collection's name, for <c>[Collection(HeapMeasurements.Name)]</c>.</summary>
    public const string Name = "Heap measurements (run alone)";
}
