using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PromiseJs.Benchmarks;

/// <summary>
/// <c>Promise.All</c> against <c>Task.WhenAll</c> over 10, 1,000 and 100,000 inputs, already settled and pending; <c>Race</c>
/// and <c>Any</c> against <c>Task.WhenAny</c> over 10 and 1,000 inputs. Each category has its <c>Task</c> baseline.
/// </summary>
/// <remarks>
/// <para>How it is measured. Every row reports one combinator call, from the call to its result, handlers included.</para>
/// <para>Settled inputs are made once (fulfilled promises, completed tasks) and shared by every call. A promise combinator
/// settles one tick after its call, so the PromiseJs rows call it inside <see cref="PromiseLoop.Run{T}(Func{Promise{T}})"/>,
/// which returns once the loop has drained; over 10 inputs one <c>Run</c> makes 100 calls, so entering the loop is not
/// what is measured. <c>Task.WhenAll</c> and <c>WhenAny</c> complete inline; the baseline reads their result.</para>
/// <para>Pending inputs cannot be reused, so they are made before each iteration, outside the measurement: pending
/// promises and <see cref="TaskCompletionSource{TResult}"/>s, 100,000 in all, in sets of the row's size. One invocation
/// calls the combinator on every set, then settles every input in reverse order (the first input of each set only, for
/// Race/Any, so the rest stay pending and the combinator must let go of them), and reads the results; the time and bytes
/// are divided by the number of sets. Settling an input is part of what is measured on both sides: for a task it runs
/// <c>WhenAll</c>'s continuation inline; for a promise it queues the combinator's job, which the loop then runs.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CombinatorBenchmarks
{
    private const int PendingInputs = 100_000;
    private const int SettledBatch = 100;

    private readonly Dictionary<int, Promise<int>[]> _fulfilled = [];
    private readonly Dictionary<int, Task<int>[]> _completed = [];

    private Promise<int>[][] _pendingPromises = [];
    private TaskCompletionSource<int>[][] _pendingSources = [];
    private Task<int>[][] _pendingTasks = [];
    private Task[] _whenTasks = [];
    private Promise[] _combined = [];

    [GlobalSetup]
    public void CreateSettledInputs()
    {
        foreach (int size in new[] { 10, 1_000, 100_000 })
        {
            _fulfilled[size] = Enumerable.Range(0, size).Select(i => Promise.Resolve(i + 1_000)).ToArray();
            _completed[size] = Enumerable.Range(0, size).Select(i => Task.FromResult(i + 1_000)).ToArray();
        }
    }

    // ----- All, settled inputs -----

    [Benchmark(Baseline = true, OperationsPerInvoke = SettledBatch), BenchmarkCategory("All settled 10")]
    public int Task_WhenAll_Settled_10()
    {
        Task<int>[] inputs = _completed[10];
        int sum = 0;
        for (int i = 0; i < SettledBatch; i++)
        {
            sum += Task.WhenAll(inputs).Result.Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = SettledBatch), BenchmarkCategory("All settled 10")]
    public int PromiseJs_All_Settled_10() => PromiseLoop.Run(() =>
    {
        Promise<int>[] inputs = _fulfilled[10];
        for (int i = 1; i < SettledBatch; i++)
        {
            Promise.All(inputs);
        }

        return Promise.All(inputs);
    }).Length;

    [Benchmark(Baseline = true), BenchmarkCategory("All settled 1,000")]
    public int Task_WhenAll_Settled_1000() => Task.WhenAll(_completed[1_000]).Result.Length;

    [Benchmark, BenchmarkCategory("All settled 1,000")]
    public int PromiseJs_All_Settled_1000() => PromiseLoop.Run(() => Promise.All(_fulfilled[1_000])).Length;

    [Benchmark(Baseline = true), BenchmarkCategory("All settled 100,000")]
    public int Task_WhenAll_Settled_100000() => Task.WhenAll(_completed[100_000]).Result.Length;

    [Benchmark, BenchmarkCategory("All settled 100,000")]
    public int PromiseJs_All_Settled_100000() => PromiseLoop.Run(() => Promise.All(_fulfilled[100_000])).Length;

    // ----- All, pending inputs settled in reverse order -----

    [IterationSetup(Targets = [nameof(Task_WhenAll_Pending_10), nameof(PromiseJs_All_Pending_10)])]
    public void CreatePending_10() => CreatePending(10);

    [IterationSetup(Targets = [nameof(Task_WhenAll_Pending_1000), nameof(PromiseJs_All_Pending_1000)])]
    public void CreatePending_1000() => CreatePending(1_000);

    [IterationSetup(Targets = [nameof(Task_WhenAll_Pending_100000), nameof(PromiseJs_All_Pending_100000)])]
    public void CreatePending_100000() => CreatePending(100_000);

    [Benchmark(Baseline = true, OperationsPerInvoke = PendingInputs / 10), BenchmarkCategory("All pending 10")]
    public int Task_WhenAll_Pending_10() => TaskWhenAll();

    [Benchmark(OperationsPerInvoke = PendingInputs / 10), BenchmarkCategory("All pending 10")]
    public int PromiseJs_All_Pending_10() => PromiseAll();

    [Benchmark(Baseline = true, OperationsPerInvoke = PendingInputs / 1_000), BenchmarkCategory("All pending 1,000")]
    public int Task_WhenAll_Pending_1000() => TaskWhenAll();

    [Benchmark(OperationsPerInvoke = PendingInputs / 1_000), BenchmarkCategory("All pending 1,000")]
    public int PromiseJs_All_Pending_1000() => PromiseAll();

    [Benchmark(Baseline = true), BenchmarkCategory("All pending 100,000")]
    public int Task_WhenAll_Pending_100000() => TaskWhenAll();

    [Benchmark, BenchmarkCategory("All pending 100,000")]
    public int PromiseJs_All_Pending_100000() => PromiseAll();

    // ----- Race and Any, settled inputs -----

    [Benchmark(Baseline = true, OperationsPerInvoke = SettledBatch), BenchmarkCategory("Race/Any settled 10")]
    public int Task_WhenAny_Settled_10()
    {
        Task<int>[] inputs = _completed[10];
        int sum = 0;
        for (int i = 0; i < SettledBatch; i++)
        {
            sum += Task.WhenAny(inputs).Result.Result;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = SettledBatch), BenchmarkCategory("Race/Any settled 10")]
    public int PromiseJs_Race_Settled_10() => PromiseLoop.Run(() =>
    {
        Promise<int>[] inputs = _fulfilled[10];
        for (int i = 1; i < SettledBatch; i++)
        {
            Promise.Race(inputs);
        }

        return Promise.Race(inputs);
    });

    [Benchmark(OperationsPerInvoke = SettledBatch), BenchmarkCategory("Race/Any settled 10")]
    public int PromiseJs_Any_Settled_10() => PromiseLoop.Run(() =>
    {
        Promise<int>[] inputs = _fulfilled[10];
        for (int i = 1; i < SettledBatch; i++)
        {
            Promise.Any(inputs);
        }

        return Promise.Any(inputs);
    });

    [Benchmark(Baseline = true), BenchmarkCategory("Race/Any settled 1,000")]
    public int Task_WhenAny_Settled_1000() => Task.WhenAny(_completed[1_000]).Result.Result;

    [Benchmark, BenchmarkCategory("Race/Any settled 1,000")]
    public int PromiseJs_Race_Settled_1000() => PromiseLoop.Run(() => Promise.Race(_fulfilled[1_000]));

    [Benchmark, BenchmarkCategory("Race/Any settled 1,000")]
    public int PromiseJs_Any_Settled_1000() => PromiseLoop.Run(() => Promise.Any(_fulfilled[1_000]));

    // ----- Race and Any, pending inputs of which the first settles -----

    [IterationSetup(Targets = [nameof(Task_WhenAny_Pending_10), nameof(PromiseJs_Race_Pending_10), nameof(PromiseJs_Any_Pending_10)])]
    public void CreatePendingForAny_10() => CreatePending(10);

    [IterationSetup(Targets = [nameof(Task_WhenAny_Pending_1000), nameof(PromiseJs_Race_Pending_1000), nameof(PromiseJs_Any_Pending_1000)])]
    public void CreatePendingForAny_1000() => CreatePending(1_000);

    [Benchmark(Baseline = true, OperationsPerInvoke = PendingInputs / 10), BenchmarkCategory("Race/Any pending 10")]
    public int Task_WhenAny_Pending_10() => TaskWhenAny();

    [Benchmark(OperationsPerInvoke = PendingInputs / 10), BenchmarkCategory("Race/Any pending 10")]
    public int PromiseJs_Race_Pending_10() => PromiseFirst(static inputs => Promise.Race(inputs));

    [Benchmark(OperationsPerInvoke = PendingInputs / 10), BenchmarkCategory("Race/Any pending 10")]
    public int PromiseJs_Any_Pending_10() => PromiseFirst(static inputs => Promise.Any(inputs));

    [Benchmark(Baseline = true, OperationsPerInvoke = PendingInputs / 1_000), BenchmarkCategory("Race/Any pending 1,000")]
    public int Task_WhenAny_Pending_1000() => TaskWhenAny();

    [Benchmark(OperationsPerInvoke = PendingInputs / 1_000), BenchmarkCategory("Race/Any pending 1,000")]
    public int PromiseJs_Race_Pending_1000() => PromiseFirst(static inputs => Promise.Race(inputs));

    [Benchmark(OperationsPerInvoke = PendingInputs / 1_000), BenchmarkCategory("Race/Any pending 1,000")]
    public int PromiseJs_Any_Pending_1000() => PromiseFirst(static inputs => Promise.Any(inputs));

    // ----- helpers -----

    private void CreatePending(int size)
    {
        int sets = PendingInputs / size;
        _pendingPromises = new Promise<int>[sets][];
        _pendingSources = new TaskCompletionSource<int>[sets][];
        _pendingTasks = new Task<int>[sets][];
        for (int s = 0; s < sets; s++)
        {
            var promises = new Promise<int>[size];
            var sources = new TaskCompletionSource<int>[size];
            var tasks = new Task<int>[size];
            for (int i = 0; i < size; i++)
            {
                promises[i] = new Promise<int>();
                sources[i] = new TaskCompletionSource<int>();
                tasks[i] = sources[i].Task;
            }

            _pendingPromises[s] = promises;
            _pendingSources[s] = sources;
            _pendingTasks[s] = tasks;
        }

        _whenTasks = new Task[sets];
        _combined = new Promise[sets];
    }

    private int TaskWhenAll()
    {
        Task<int>[][] sets = _pendingTasks;
        var whenAlls = _whenTasks;
        for (int s = 0; s < sets.Length; s++)
        {
            whenAlls[s] = Task.WhenAll(sets[s]);
        }

        foreach (TaskCompletionSource<int>[] sources in _pendingSources)
        {
            for (int i = sources.Length - 1; i >= 0; i--)
            {
                sources[i].SetResult(i);
            }
        }

        int sum = 0;
        foreach (Task whenAll in whenAlls)
        {
            sum += ((Task<int[]>)whenAll).Result.Length;
        }

        return sum;
    }

    private int PromiseAll()
    {
        Promise<int>[][] sets = _pendingPromises;
        Promise[] combined = _combined;
        PromiseLoop.Run(() =>
        {
            for (int s = 0; s < sets.Length; s++)
            {
                combined[s] = Promise.All(sets[s]);
            }

            foreach (Promise<int>[] promises in sets)
            {
                for (int i = promises.Length - 1; i >= 0; i--)
                {
                    promises[i].TryFulfill(i);
                }
            }

            // Run returns once this has settled and nothing is queued: every combinator's job has run.
            return combined[^1];
        });

        int sum = 0;
        foreach (Promise all in combined)
        {
            sum += ((Promise<int[]>)all).Value.Length;
        }

        return sum;
    }

    private int TaskWhenAny()
    {
        Task<int>[][] sets = _pendingTasks;
        var whenAnys = _whenTasks;
        for (int s = 0; s < sets.Length; s++)
        {
            whenAnys[s] = Task.WhenAny(sets[s]);
        }

        foreach (TaskCompletionSource<int>[] sources in _pendingSources)
        {
            sources[0].SetResult(1);
        }

        int sum = 0;
        foreach (Task whenAny in whenAnys)
        {
            sum += ((Task<Task<int>>)whenAny).Result.Result;
        }

        return sum;
    }

    private int PromiseFirst(Func<Promise<int>[], Promise<int>> combinator)
    {
        Promise<int>[][] sets = _pendingPromises;
        Promise[] combined = _combined;
        PromiseLoop.Run(() =>
        {
            for (int s = 0; s < sets.Length; s++)
            {
                combined[s] = combinator(sets[s]);
            }

            foreach (Promise<int>[] promises in sets)
            {
                promises[0].TryFulfill(1);
            }

            return combined[^1];
        });

        int sum = 0;
        foreach (Promise first in combined)
        {
            sum += ((Promise<int>)first).Value;
        }

        return sum;
    }
}
