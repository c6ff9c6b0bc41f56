using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// A port of the "AsyncAwait" scenario of timcassell's CSharpAsynchronousBenchmarks suite: a chain
/// of <c>async Promise</c> methods against the same chain of <c>async Task</c> methods, from a base
/// that is either already resolved or still pending.
/// </summary>
/// <remarks>
/// <para>
/// What the original does (its <c>AsyncAwait</c> category, <c>Pending</c> as a
/// <c>[ParamsAllValues]</c> bool; its <c>Task_Benchmarks.cs</c>). It is the async-method form of the
/// "ContinueWith" scenario (<see cref="ContinueWithBenchmarks"/>), with the same shape: the top method
/// (<c>async Task</c>) awaits "get and consume" of a 32-byte struct (four <c>long</c>s) then an
/// object, then "get and consume" of an object then the struct. "Get and consume" (<c>async Task</c>)
/// awaits "get a value" of T1, then of T2, discarding both. "Get a value" (<c>async Task&lt;T&gt;</c>)
/// awaits a fresh base and returns <c>default(T)</c>. So one operation is seven async-method calls
/// (one top, two "get and consume", four "get a value") and four bases. The methods are static and
/// the helper that makes bases is reached through a static field, so nothing captures the benchmark
/// instance. The base is <c>Task.CompletedTask</c> (resolved) or a new <c>TaskCompletionSource</c>'s
/// task pushed on a stack (pending); the benchmark method starts the chain without awaiting it, then
/// pops and resolves sources until the stack is empty. Task's await continuations run inline inside
/// <c>SetResult</c>, so each resumed method asks for the next base, which is pushed and then popped by
/// the same loop, and the whole chain has run when the method returns. The original's global setup
/// runs one operation first; its first measured call runs the operation twice only to feed the
/// survived-memory column of its BenchmarkDotNet fork, which stock BenchmarkDotNet lacks: dropped.
/// Its baseline is plain callbacks; here Task is the baseline, the row the PromiseJs budget is
/// stated against (≤ 1.0× its time). Its published .NET 8 results show Task at 192 B resolved
/// (the two <c>Task&lt;Struct32&gt;</c>s: an async method that completes synchronously with a
/// reference-type <c>default</c> returns a cached task) and 1,120 B pending.
/// </para>
/// <para>
/// How this port corresponds. The Task row is the original's code. The PromiseJs row is the same
/// chain written as <c>async Promise</c> / <c>async Promise&lt;T&gt;</c> methods, so every call is
/// also a node of the promise tree (a child of its caller's node). An <c>await</c> inside
/// <see cref="PromiseLoop"/> always yields to the microtask queue, as in JavaScript, even for a
/// settled promise, so a promise chain is only done once a loop has drained: the row runs inside
/// <see cref="PromiseLoop.Run(Func{Promise})"/>, whose main function returns the top method's promise;
/// <c>Run</c> returns only when that promise has settled and nothing is queued (the original's "the
/// whole chain has run when the method returns"), and it pays for entering and leaving the loop once
/// (tens of nanoseconds, see <see cref="ThenBenchmarks"/>). The resolved base is
/// <see cref="Promise.Resolve()"/>; a pending base is a fresh <see cref="Promise.WithResolvers()"/>
/// whose <c>Resolve</c> is queued as the next microtask — the first moment the driver gets control
/// back after the method that asked for the base has started awaiting it — as in
/// <see cref="ContinueWithBenchmarks"/>.
/// </para>
/// <para>
/// Two PromiseJs rows, one per budget line, each beside the Task row of the same run: <c>PromiseJs_AsyncAwait</c> inside
/// a loop (as above), and <c>PromiseJs_AsyncAwait_OutsideLoop</c>, the same chain called with no loop and no
/// synchronization context, as the Task row is. Outside a loop an <c>await</c> of a settled promise goes on synchronously,
/// like Task's, so with resolved bases the chain has run when the top call returns; with pending bases each resumption is
/// a thread-pool work item (a promise never resumes an await inline on the thread that settles it), so the driver resolves
/// the bases as the pool threads ask for them, spinning (never sleeping) until the top promise has settled — that row
/// includes the thread-pool hops Task's inline continuations do not make.
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class AsyncMethodBenchmarks
{
    [ParamsAllValues]
    public bool Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        PendingBases.Pending = Pending;
        PendingBases.RunOnceAndCheck(TaskExecute, PromiseExecute);
    }

    [Benchmark(Baseline = true)]
    public void Task_AsyncAwait()
    {
        _ = TaskExecute();
        PendingBases.ResolvePendingSources();
    }

    [Benchmark]
    public void PromiseJs_AsyncAwait() => PromiseLoop.Run(static () => PromiseExecute());

    [Benchmark]
    public void PromiseJs_AsyncAwait_OutsideLoop() => PendingBases.ResolvePendingPromisesUntilSettled(PromiseExecute());

    // Also the baseline chains of AsyncMethodFloorBenchmarks.
    internal static async Task TaskExecute()
    {
        await TaskGetAndConsume<Struct32, object>();
        await TaskGetAndConsume<object, Struct32>();
    }

    private static async Task TaskGetAndConsume<T1, T2>()
    {
        _ = await TaskGetValue<T1>();
        _ = await TaskGetValue<T2>();
    }

    private static async Task<T> TaskGetValue<T>()
    {
        await PendingBases.TaskBase();
        return default!;
    }

    internal static async Promise PromiseExecute()
    {
        await PromiseGetAndConsume<Struct32, object>();
        await PromiseGetAndConsume<object, Struct32>();
    }

    private static async Promise PromiseGetAndConsume<T1, T2>()
    {
        _ = await PromiseGetValue<T1>();
        _ = await PromiseGetValue<T2>();
    }

    private static async Promise<T> PromiseGetValue<T>()
    {
        await PendingBases.PromiseBase();
        return default!;
    }
}
