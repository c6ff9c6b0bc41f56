using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// A <see cref="Length"/>-long chain of continuations built on a pending source, then resolved and
/// run to its end.
/// </summary>
/// <remarks>
/// How it is measured. One invocation builds the whole chain on a pending promise
/// (<see cref="Promise.WithResolvers{T}"/>), resolves the source, and returns only when the last link
/// has run: inside <see cref="PromiseLoop.Run{T}(Func{Promise{T}})"/> the main function returns the
/// last promise, and <c>Run</c> returns its value once it settled and the loop is empty. The baseline
/// does the same with a <see cref="TaskCompletionSource{TResult}"/> and
/// <c>ContinueWith(…, ExecuteSynchronously)</c>, then blocks on the last task: past a certain depth
/// the runtime stops inlining continuations (its stack guard) and moves the rest to the thread pool,
/// so waiting for the end is part of running the chain. Every handler is a non-capturing static
/// lambda adding one. The invocation counts as <see cref="Length"/> operations: the table shows the
/// time and bytes per link, comparable with <see cref="ThenBenchmarks"/>.
/// </remarks>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    /// <summary>Links in the chain.</summary>
    public const int Length = 10_000;

    [GlobalSetup]
    public void CheckBothRunToTheEnd()
    {
        if (Task_ContinueWith_Chain() != Length || PromiseJs_Then_Chain() != Length)
        {
            throw new InvalidOperationException("A chain did not run every link.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Length)]
    public int Task_ContinueWith_Chain() => RunTaskChain(Length);

    [Benchmark(OperationsPerInvoke = Length)]
    public int PromiseJs_Then_Chain() => RunPromiseChain(Length);

    /// <summary>Builds a <paramref name="length"/>-long <c>ContinueWith</c> chain on a pending task, completes it and
    /// waits for the end.</summary>
    internal static int RunTaskChain(int length)
    {
        var source = new TaskCompletionSource<int>();
        var last = source.Task;
        for (var i = 0; i < length; i++)
        {
            last = last.ContinueWith(static t => t.Result + 1, TaskContinuationOptions.ExecuteSynchronously);
        }

        source.SetResult(0);
        return last.GetAwaiter().GetResult();
    }

    /// <summary>Builds a <paramref name="length"/>-long <c>Then</c> chain on a pending promise inside one
    /// <c>PromiseLoop.Run</c>, resolves it and runs it to the end.</summary>
    internal static int RunPromiseChain(int length) =>
        PromiseLoop.Run(() =>
        {
            var source = Promise.WithResolvers<int>();
            var last = source.Promise;
            for (var i = 0; i < length; i++)
            {
                last = last.Then(static x => x + 1);
            }

            source.Resolve(0);
            return last;
        });
}
