using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// What the "AsyncAwait" budgets ask of the machinery under them: the chain of <see cref="AsyncMethodBenchmarks"/>
/// (resolved or pending bases, as there) written with <c>async Task</c> methods that do, with Task's own builder, only
/// the two things a promise tree's async method must do beyond Task's — one async-local entry per call (the tree is
/// tracked through an async-local current context; the value must be a new object per call so work the method starts,
/// such as a <see cref="Task.Run(Action)"/>, sees the method's own frame), and, inside a loop, a yield to a job queue
/// at every <c>await</c> (JavaScript's rule: an await of a settled promise still yields) — beside the plain Task chain
/// and the two PromiseJs rows (the very chains of <see cref="AsyncMethodBenchmarks"/>), in one run.
/// </summary>
/// <remarks>
/// The queue is the cheapest one there is: a <see cref="Queue{T}"/> of the builder's resumption delegates, drained on
/// the calling thread (no thread check, no ordering guarantees across threads, no rejection tracking). The "frame" is
/// <c>AsyncLocal.Value = new object()</c> at the top of each method; Task's builder restores the caller's
/// <see cref="ExecutionContext"/> when the method returns or suspends. In the yielding variants each method awaits the
/// method it calls after one yield of its own, so each call also yields once on the way back, as an await of a settled
/// promise does inside a loop: ten yields per operation (the PromiseJs chain has eleven awaits, each a job). A pending
/// base is resolved by the driver, as in the Task row, and the await of it goes on inline when it is (no more yields).
/// The three variants are one chain, generic over a struct that says what each call does (the JIT compiles one copy per
/// variant). None of these rows is a design to copy: a Task that ignored its await's awaiter would be wrong, and the
/// async-local here tracks nothing — they are floors.
/// </remarks>
[MemoryDiagnoser]
public class AsyncMethodFloorBenchmarks
{
    private static readonly AsyncLocal<object?> s_frame = new();
    private static readonly Queue<Action> s_jobs = new(16);

    [ParamsAllValues]
    public bool Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        PendingBases.Pending = Pending;
        PendingBases.RunOnceAndCheck(AsyncMethodBenchmarks.TaskExecute, AsyncMethodBenchmarks.PromiseExecute);
        CheckRunsToTheEnd(Execute<FramePerCall>);
        CheckRunsToTheEnd(Execute<EveryAwaitYields>);
        CheckRunsToTheEnd(Execute<FramePerCallEveryAwaitYields>);
    }

    [Benchmark(Baseline = true)]
    public void Task_AsyncAwait()
    {
        _ = AsyncMethodBenchmarks.TaskExecute();
        PendingBases.ResolvePendingSources();
    }

    [Benchmark]
    public void Task_FramePerCall() => RunToTheEnd(Execute<FramePerCall>());

    [Benchmark]
    public void Task_EveryAwaitYields() => RunToTheEnd(Execute<EveryAwaitYields>());

    [Benchmark]
    public void Task_FramePerCall_EveryAwaitYields() => RunToTheEnd(Execute<FramePerCallEveryAwaitYields>());

    [Benchmark]
    public void PromiseJs_AsyncAwait_OutsideLoop() =>
        PendingBases.ResolvePendingPromisesUntilSettled(AsyncMethodBenchmarks.PromiseExecute());

    [Benchmark]
    public void PromiseJs_AsyncAwait() => PromiseLoop.Run(static () => AsyncMethodBenchmarks.PromiseExecute());

    private static void CheckRunsToTheEnd(Func<Task> chain)
    {
        Task task = chain();
        RunToTheEnd(task);
        if (!task.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("A floor chain did not run to its end.");
        }
    }

    // Resolves the pending bases (their continuations run inline, as in the Task row) and runs the queued resumptions,
    // until the chain has completed or neither is left (only code that runs pushes a base or queues a resumption).
    private static void RunToTheEnd(Task chain)
    {
        do
        {
            PendingBases.ResolvePendingSources();
        }
        while (DrainJobs() && !chain.IsCompleted);
    }

    // Runs the queued resumptions; whether there were any.
    private static bool DrainJobs()
    {
        bool ranAny = false;
        while (s_jobs.TryDequeue(out Action? job))
        {
            job();
            ranAny = true;
        }

        return ranAny;
    }

    // ----- the chain of AsyncMethodBenchmarks, with what TVariant adds to every call -----

    private static async Task Execute<TVariant>()
        where TVariant : struct, IVariant
    {
        TVariant.Enter();
        Task first = GetAndConsume<TVariant, Struct32, object>();
        await default(Step<TVariant>);
        await first;
        Task second = GetAndConsume<TVariant, object, Struct32>();
        await default(Step<TVariant>);
        await second;
    }

    private static async Task GetAndConsume<TVariant, T1, T2>()
        where TVariant : struct, IVariant
    {
        TVariant.Enter();
        Task<T1> first = GetValue<TVariant, T1>();
        await default(Step<TVariant>);
        _ = await first;
        Task<T2> second = GetValue<TVariant, T2>();
        await default(Step<TVariant>);
        _ = await second;
    }

    private static async Task<T> GetValue<TVariant, T>()
        where TVariant : struct, IVariant
    {
        TVariant.Enter();
        Task valueBase = PendingBases.TaskBase();
        await default(Step<TVariant>);
        await valueBase;
        return default!;
    }

    /// <summary>What a variant adds to every call of the chain.</summary>
    private interface IVariant
    {
        /// <summary>Gets whether each await first yields to the queue.</summary>
        static abstract bool Yields { get; }

        /// <summary>Runs at the top of each method.</summary>
        static abstract void Enter();
    }

    private readonly struct FramePerCall : IVariant
    {
        public static bool Yields => false;

        public static void Enter() => s_frame.Value = new object();
    }

    private readonly struct EveryAwaitYields : IVariant
    {
        public static bool Yields => true;

        public static void Enter()
        {
        }
    }

    private readonly struct FramePerCallEveryAwaitYields : IVariant
    {
        public static bool Yields => true;

        public static void Enter() => s_frame.Value = new object();
    }

    /// <summary>An awaitable that, for a yielding variant, never completes synchronously: its continuation goes to the
    /// queue. For the others it is complete at once (the await goes on synchronously, as an await of a completed
    /// task).</summary>
    private readonly struct Step<TVariant> : ICriticalNotifyCompletion
        where TVariant : struct, IVariant
    {
        public bool IsCompleted => !TVariant.Yields;

        public Step<TVariant> GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => s_jobs.Enqueue(continuation);

        public void UnsafeOnCompleted(Action continuation) => s_jobs.Enqueue(continuation);
    }
}
