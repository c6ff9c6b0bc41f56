using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// A port of the "ContinueWith" scenario of timcassell's CSharpAsynchronousBenchmarks suite (by the
/// author of ProtoPromise), written from its description: a two-level chain of continuations, run to
/// its end, from a base that is either already resolved or still pending.
/// </summary>
/// <remarks>
/// <para>
/// What the original does (its <c>ContinueWith</c> category, <c>Pending</c> as a
/// <c>[ParamsAllValues]</c> bool). One operation runs, in continuation style:
/// "get and consume" two values — first a 32-byte struct (four <c>long</c>s) then an object — and
/// after that, chained on its end, "get and consume" an object then the struct. "Get a value" of type
/// T is one continuation on a fresh base that returns <c>default(T)</c>; "get and consume" chains the
/// second get onto the first (a continuation returning the inner task, unwrapped), then one
/// continuation with an empty body. The outer level chains the two "get and consume"s the same way and
/// ends with one more empty continuation. So an operation fetches four bases, and makes 4 value
/// continuations, 3 unwraps (adoptions) and 3 empty continuations. Task's version uses
/// <c>ContinueWith(…, TaskContinuationOptions.ExecuteSynchronously)</c> and <c>Unwrap()</c>; the promise
/// libraries use <c>Then</c>, which adopts a returned promise. Every lambda is non-capturing (the
/// helper is static so they need not capture <c>this</c>). The base is <c>Task.CompletedTask</c>
/// (resolved) or a new <c>TaskCompletionSource</c>'s task pushed on a stack (pending).
/// </para>
/// <para>
/// Who resolves the pending base, and when: the benchmark method itself. It starts the chain, then
/// pops the stack and resolves until it is empty. With ExecuteSynchronously each <c>SetResult</c> runs
/// the waiting continuations inline; they call "get a value" again, which pushes the next pending base
/// and returns, and the same loop pops and resolves that one. So every base is pending when its
/// continuation is attached and is resolved as soon as control comes back to the benchmark method, and
/// the whole chain has run when the method returns (it does not await the final task; with inline
/// continuations there is nothing left to await). The original's global setup runs one operation first
/// so static caches are not counted; its first measured call runs the operation twice only to feed
/// the survived-memory column of its BenchmarkDotNet fork, which stock BenchmarkDotNet lacks: dropped.
/// Its baseline row is plain callbacks; here Task is the baseline, as the PromiseJs budget is stated
/// against Task (≤ 0.3× its time resolved, ≤ 0.5× pending, ≤ half its bytes).
/// </para>
/// <para>
/// How this port corresponds. The chain shape, types and lambdas are the same. The Task row is the
/// original's mechanism (the stack of pending sources resolved by the benchmark method); it allocates
/// exactly what the original's published .NET 8 results show for Task (1,224 B resolved, 1,864 B
/// pending), a check that the shape was carried over. A promise
/// handler never runs inline, so the PromiseJs row runs inside <see cref="PromiseLoop.Run(Func{Promise})"/>,
/// whose main function returns the end of the chain: <c>Run</c> returns only when every handler ran
/// and the chain's end settled (the original's "the whole chain has run when the method returns").
/// The resolved base is <see cref="Promise.Resolve()"/>; a pending base is a fresh
/// <see cref="Promise.WithResolvers()"/> whose <c>Resolve</c> is handed to the loop as the next
/// microtask — the first moment the driver gets control back after the code that asked for the base
/// has attached its handler, as in the original. Like the original, one invocation is one chain, so
/// the PromiseJs row also pays for entering and leaving the loop once (an empty <c>Run</c> costs
/// tens of nanoseconds; see <see cref="ThenBenchmarks"/>). A batched variant (many chains side by side
/// in one loop run) was tried and dropped: it keeps a hundred chains alive at once, which promotes
/// them to generation 1 and made it slower than one chain per run.
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class ContinueWithBenchmarks
{
    [ParamsAllValues]
    public bool Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        PendingBases.Pending = Pending;
        PendingBases.RunOnceAndCheck(TaskChain, PromiseChain);
    }

    [Benchmark(Baseline = true)]
    public void Task_ContinueWith()
    {
        _ = TaskChain();
        PendingBases.ResolvePendingSources();
    }

    [Benchmark]
    public void PromiseJs_Then() => PromiseLoop.Run(static () => PromiseChain());

    private static Task TaskChain() =>
        TaskGetAndConsume<Struct32, object>()
            .ContinueWith(static _ => TaskGetAndConsume<object, Struct32>(), TaskContinuationOptions.ExecuteSynchronously)
            .Unwrap()
            .ContinueWith(static _ => { }, TaskContinuationOptions.ExecuteSynchronously);

    private static Task TaskGetAndConsume<T1, T2>() =>
        TaskGetValue<T1>()
            .ContinueWith(static _ => TaskGetValue<T2>(), TaskContinuationOptions.ExecuteSynchronously)
            .Unwrap()
            .ContinueWith(static _ => { }, TaskContinuationOptions.ExecuteSynchronously);

    private static Task<T> TaskGetValue<T>() =>
        PendingBases.TaskBase().ContinueWith(static _ => default(T)!, TaskContinuationOptions.ExecuteSynchronously);

    private static Promise PromiseChain() =>
        PromiseGetAndConsume<Struct32, object>()
            .Then(static () => PromiseGetAndConsume<object, Struct32>())
            .Then(static () => { });

    private static Promise PromiseGetAndConsume<T1, T2>() =>
        PromiseGetValue<T1>()
            .Then(static _ => PromiseGetValue<T2>())
            .Then(static _ => { });

    private static Promise<T> PromiseGetValue<T>() =>
        PendingBases.PromiseBase().Then(static () => default(T)!);

}
