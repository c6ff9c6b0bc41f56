using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// Making an already-settled promise through its executor, against
/// <see cref="TaskCompletionSource{TResult}"/> plus <c>SetResult</c>.
/// </summary>
/// <remarks>
/// How it is measured: one construction per invocation, no loop (the executor runs inside the
/// constructor, and nothing is scheduled). The executor is a non-capturing static lambda, so its
/// delegate is cached and not counted. <c>Task.FromResult</c> and <c>Promise.Resolve</c> are reference
/// rows: the cheapest way each library has to the same fulfilled object. The value 42 is outside the
/// small-integer caches the runtime keeps for <c>Task&lt;int&gt;</c>. Every row returns <c>object</c>, so
/// BenchmarkDotNet neither awaits the task rows nor treats the promise rows as awaitables: only the
/// construction is timed.
/// </remarks>
[MemoryDiagnoser]
public class ConstructBenchmarks
{
    [Benchmark(Baseline = true)]
    public object Task_CompletionSource_SetResult()
    {
        var source = new TaskCompletionSource<int>();
        source.SetResult(42);
        return source.Task;
    }

    [Benchmark]
    public object Task_FromResult() => Task.FromResult(42);

    [Benchmark]
    public object PromiseJs_Executor_Resolve() =>
        new Promise<int>(static (resolve, reject) => resolve(42));

    [Benchmark]
    public object PromiseJs_Resolve() => Promise.Resolve(42);
}
