using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PromiseJs.Context;

namespace PromiseJs.Benchmarks;

/// <summary>
/// <c>Promise.Run(() =&gt; value)</c> started inside a three-deep context tree and waited for, against
/// <c>Task.Run(() =&gt; value)</c> waited for the same way from the same place.
/// </summary>
/// <remarks>
/// <para>
/// What one invocation does. The benchmark thread is inside a tree of three explicit contexts
/// (root → middle → leaf), entered once in the global setup and left in the global cleanup, so each
/// <c>Promise.Run</c> makes a new node under the leaf: it resolves the node's frozen settings from
/// the leaf, links the node into the leaf's live children, queues the function to the thread pool
/// (the default scheduler), runs it there with the node current, settles, and unlinks the node from
/// the leaf. The function is a static lambda returning a constant, so neither row allocates a closure
/// and the time is the machinery's. <c>Task.Run</c> runs in the same ambient flow (it captures the
/// same non-default <see cref="ExecutionContext"/>, which carries the entered contexts), so both rows
/// pay for that flow alike.
/// </para>
/// <para>
/// Two ways of waiting, each with its own Task baseline (grouped by category):
/// <c>Wait</c> blocks the benchmark thread until the work has run (<c>Task&lt;T&gt;.Result</c> against
/// <c>Promise&lt;T&gt;.Wait()</c>; both spin briefly, then sleep on an event the pool thread sets);
/// <c>Await</c> is an <c>async Task&lt;int&gt;</c> benchmark method that awaits the work, which
/// BenchmarkDotNet then waits for. Outside any loop or synchronization context, an await of a Task
/// resumes inline on the pool thread that completed it, while an await of a promise resumes through
/// one more thread-pool work item (promise continuations never run inline on the settling thread), so
/// the <c>Await</c> promise row includes that hop. The global setup checks that the work really runs
/// as a child of the leaf, and the cleanup that the tree was still current at the end of the run.
/// </para>
/// <para>
/// A single round trip is mostly the time an idle pool thread takes to wake (microseconds, and
/// noisy: it depends on whatever else the machine is doing), which hides the few hundred nanoseconds
/// the two libraries differ by. The <c>Batch</c> rows show that difference: each invocation starts
/// <see cref="Batch"/> runs from the benchmark thread, then waits for each in order (as the
/// <c>Wait</c> rows do), and the time is divided by <see cref="Batch"/>; the pool threads stay busy,
/// so it is the cost per run at throughput — for PromiseJs including the tree's bookkeeping at the
/// leaf: the benchmark thread pushes each new node onto the leaf's lock-free incoming list, and the
/// pool threads, unlinking settled nodes under the leaf's lock, link the incoming ones in.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PromiseRunBenchmarks
{
    private const int Value = 42;

    /// <summary>Runs started before the first wait in the <c>Batch</c> rows.</summary>
    public const int Batch = 100;

    private readonly PromiseContext[] _tree = new PromiseContext[3];
    private readonly PromiseContextScope[] _entered = new PromiseContextScope[3];
    private readonly Task<int>[] _tasks = new Task<int>[Batch];
    private readonly Promise<int>[] _promises = new Promise<int>[Batch];

    [GlobalSetup]
    public void Setup()
    {
        string[] names = ["root", "middle", "leaf"];
        for (int i = 0; i < _tree.Length; i++)
        {
            _tree[i] = new PromiseContext(new() { Name = names[i] });
            _entered[i] = _tree[i].Enter();
        }

        PromiseContext leaf = _tree[^1];
        PromiseContext? parentOfWork = Promise.Run(static () => PromiseContext.Current?.Parent).Wait();
        if (parentOfWork != leaf || leaf.Parent?.Parent != _tree[0])
        {
            throw new InvalidOperationException("Promise.Run did not start a child of the three-deep tree.");
        }

        if (Task.Run(static () => PromiseContext.Current).Result != leaf)
        {
            throw new InvalidOperationException("Task.Run does not run in the same ambient flow as Promise.Run.");
        }

        // One of each first, so one-time work (static caches, the pool's first threads) is not measured by chance.
        _ = Task_Run_Wait();
        _ = PromiseJs_Run_Wait();
        _ = Task_Run_Await().Result;
        _ = PromiseJs_Run_Await().Result;
        _ = Task_Run_Batch();
        _ = PromiseJs_Run_Batch();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (PromiseContext.Current != _tree[^1])
        {
            throw new InvalidOperationException("The benchmark did not run inside the three-deep tree.");
        }

        for (int i = _tree.Length - 1; i >= 0; i--)
        {
            _entered[i].Dispose();
            _tree[i].Complete();
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Wait")]
    public int Task_Run_Wait() => Task.Run(static () => Value).Result;

    [Benchmark]
    [BenchmarkCategory("Wait")]
    public int PromiseJs_Run_Wait() => Promise.Run(static () => Value).Wait();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Await")]
    public async Task<int> Task_Run_Await() => await Task.Run(static () => Value);

    [Benchmark]
    [BenchmarkCategory("Await")]
    public async Task<int> PromiseJs_Run_Await() => await Promise.Run(static () => Value);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    [BenchmarkCategory("Batch")]
    public int Task_Run_Batch()
    {
        Task<int>[] tasks = _tasks;
        for (int i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(static () => Value);
        }

        int sum = 0;
        foreach (Task<int> task in tasks)
        {
            sum += task.Result;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [BenchmarkCategory("Batch")]
    public int PromiseJs_Run_Batch()
    {
        Promise<int>[] promises = _promises;
        for (int i = 0; i < promises.Length; i++)
        {
            promises[i] = Promise.Run(static () => Value);
        }

        int sum = 0;
        foreach (Promise<int> promise in promises)
        {
            sum += promise.Wait();
        }

        return sum;
    }
}
