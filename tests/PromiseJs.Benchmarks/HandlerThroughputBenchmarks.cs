using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace PromiseJs.Benchmarks;

/// <summary>
/// Handler throughput outside any loop or synchronization context (the thread-pool scheduler): <see cref="Chains"/>
/// independent chains of <see cref="Links"/> handlers each are built on pending promises, all started, and waited for;
/// beside the same shape with <see cref="Task.ContinueWith{TResult}(Func{Task{int}, TResult})"/> continuations, default
/// (queued to the thread pool) and with <see cref="TaskContinuationOptions.RunContinuationsAsynchronously"/>. Each row
/// runs on one core, two cores and every core (affinity masks 1 and 3, and none), so the table shows what running
/// unrelated chains in parallel buys and what it costs on one core.
/// </summary>
/// <remarks>
/// One operation is one handler (or continuation): the invocation is divided by <c>Chains × Links</c>. Run with
/// <c>dotnet run -c Release --project tests/PromiseJs.Benchmarks -- --filter '*HandlerThroughput*'</c>.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(CoresConfig))]
public class HandlerThroughputBenchmarks
{
    /// <summary>Independent chains per invocation.</summary>
    public const int Chains = 64;

    /// <summary>Handlers per chain.</summary>
    public const int Links = 16;

    private const int Operations = Chains * Links;

    private readonly PromiseWithResolvers<int>[] _starts = new PromiseWithResolvers<int>[Chains];
    private readonly Promise<int>[] _ends = new Promise<int>[Chains];
    private readonly TaskCompletionSource<int>[] _sources = new TaskCompletionSource<int>[Chains];
    private readonly Task<int>[] _taskEnds = new Task<int>[Chains];

    [GlobalSetup]
    public void Setup() => SynchronizationContext.SetSynchronizationContext(null);

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public int Task_ContinueWith_Default() => RunTasks(TaskContinuationOptions.None);

    [Benchmark(OperationsPerInvoke = Operations)]
    public int Task_ContinueWith_Asynchronous() => RunTasks(TaskContinuationOptions.RunContinuationsAsynchronously);

    [Benchmark(OperationsPerInvoke = Operations)]
    public int PromiseJs_Then_ThreadPool()
    {
        for (int c = 0; c < Chains; c++)
        {
            PromiseWithResolvers<int> start = Promise.WithResolvers<int>();
            Promise<int> link = start.Promise;
            for (int i = 0; i < Links; i++)
            {
                link = link.Then(static x => x + 1);
            }

            _starts[c] = start;
            _ends[c] = link;
        }

        foreach (PromiseWithResolvers<int> start in _starts)
        {
            start.Resolve(0);
        }

        int sum = 0;
        foreach (Promise<int> end in _ends)
        {
            sum += end.Wait();
        }

        return sum;
    }

    private int RunTasks(TaskContinuationOptions options)
    {
        for (int c = 0; c < Chains; c++)
        {
            var source = new TaskCompletionSource<int>();
            Task<int> link = source.Task;
            for (int i = 0; i < Links; i++)
            {
                link = link.ContinueWith(static t => t.Result + 1, options);
            }

            _sources[c] = source;
            _taskEnds[c] = link;
        }

        foreach (TaskCompletionSource<int> source in _sources)
        {
            source.SetResult(0);
        }

        int sum = 0;
        foreach (Task<int> end in _taskEnds)
        {
            sum += end.Result;
        }

        return sum;
    }

    private sealed class CoresConfig : ManualConfig
    {
        public CoresConfig()
        {
            AddJob(Job.Default.WithAffinity(1).WithId("1 core"));
            AddJob(Job.Default.WithAffinity(3).WithId("2 cores"));
            AddJob(Job.Default.WithId("all cores"));
        }
    }
}
