using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// A 1,000,000-long chain of continuations built on a pending source, then resolved and run to its end: the row the
/// README puts beside node's figure for the same program (<c>node/bench.mjs</c>), measured in the same session.
/// </summary>
/// <remarks>Built and measured as <see cref="ChainBenchmarks"/> does (the invocation counts as <see cref="Length"/>
/// operations: time and bytes per link), only 100 times longer, so the queue's growth and the collector's work on a
/// million live promises are part of it, as they are for node.</remarks>
[MemoryDiagnoser]
public class LongChainBenchmarks
{
    /// <summary>Links in the chain.</summary>
    public const int Length = 1_000_000;

    [GlobalSetup]
    public void CheckBothRunToTheEnd()
    {
        if (Task_ContinueWith_MillionChain() != Length || PromiseJs_Then_MillionChain() != Length)
        {
            throw new InvalidOperationException("A chain did not run every link.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Length)]
    public int Task_ContinueWith_MillionChain() => ChainBenchmarks.RunTaskChain(Length);

    [Benchmark(OperationsPerInvoke = Length)]
    public int PromiseJs_Then_MillionChain() => ChainBenchmarks.RunPromiseChain(Length);
}
