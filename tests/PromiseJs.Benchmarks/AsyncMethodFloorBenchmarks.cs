using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// What the "AsyncAwait" budgets ask of the machinery under them: the resolved-base chain of
/// <see cref="AsyncMethodBenchmarks"/> written with <c>async Task</c> methods that do, with Task's own builder, only the two
/// things a promise tree's async method must do beyond Task's — one async-local entry per call (the tree is tracked
/// through an async-local current context; the value must be a new object per call so work the method starts, such as a
/// <see cref="Task.Run(Action)"/>, sees the method's own frame), and, inside a loop, a yield to a job queue at every
/// <c>await</c> (JavaScript's rule: an await of a settled promise still yields) — beside the plain Task chain and the two
/// PromiseJs rows, in one run.
/// </summary>
/// <remarks>
/// The queue is the cheapest one there is: a <see cref="Queue{T}"/> of the builder's resumption delegates, drained on the
/// calling thread (no thread check, no ordering guarantees across threads, no rejection tracking). The "frame" is
/// <c>AsyncLocal.Value = new object()</c> at the top of each method; Task's builder restores the caller's
/// <see cref="ExecutionContext"/> when the method returns or suspends. Each method awaits the method it calls after one
/// yield of its own, so each call also yields once on the way back, as an await of a settled promise does inside a loop:
/// ten yields per operation (the PromiseJs chain has eleven awaits, each a job). None of these rows is a design to copy: a
/// Task that ignored its await's awaiter would be wrong, and the async-local here tracks nothing — they are floors.
/// </remarks>
[MemoryDiagnoser]
public class AsyncMethodFloorBenchmarks
{
    private static readonly AsyncLocal<object?> s_frame = new();
    private static readonly Queue<Action> s_jobs = new(16);

    [GlobalSetup]
    public void Setup()
    {
        PendingBases.Pending = false;
        PendingBases.RunOnceAndCheck(TaskExecute, PromiseExecute);
    }

    [Benchmark(Baseline = true)]
    public void Task_AsyncAwait() => _ = TaskExecute();

    [Benchmark]
    public void Task_FramePerCall() => _ = FrameExecute();

    [Benchmark]
    public void Task_EveryAwaitYields()
    {
        _ = YieldExecute();
        DrainJobs();
    }

    [Benchmark]
    public void Task_FramePerCall_EveryAwaitYields()
    {
        _ = FrameYieldExecute();
        DrainJobs();
    }

    [Benchmark]
    public void PromiseJs_AsyncAwait_OutsideLoop() => _ = PromiseExecute();

    [Benchmark]
    public void PromiseJs_AsyncAwait() => PromiseLoop.Run(static () => PromiseExecute());

    private static void DrainJobs()
    {
        while (s_jobs.TryDequeue(out Action? job))
        {
            job();
        }
    }

    // ----- Task, as in AsyncMethodBenchmarks -----

    private static async Task TaskExecute()
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
        await Task.CompletedTask;
        return default!;
    }

    // ----- Task with one async-local frame per call -----

    private static async Task FrameExecute()
    {
        s_frame.Value = new object();
        await FrameGetAndConsume<Struct32, object>();
        await FrameGetAndConsume<object, Struct32>();
    }

    private static async Task FrameGetAndConsume<T1, T2>()
    {
        s_frame.Value = new object();
        _ = await FrameGetValue<T1>();
        _ = await FrameGetValue<T2>();
    }

    private static async Task<T> FrameGetValue<T>()
    {
        s_frame.Value = new object();
        await Task.CompletedTask;
        return default!;
    }

    // ----- Task where every await yields to the queue -----

    private static async Task YieldExecute()
    {
        Task first = YieldGetAndConsume<Struct32, object>();
        await default(YieldToQueue);
        await first;
        Task second = YieldGetAndConsume<object, Struct32>();
        await default(YieldToQueue);
        await second;
    }

    private static async Task YieldGetAndConsume<T1, T2>()
    {
        Task<T1> first = YieldGetValue<T1>();
        await default(YieldToQueue);
        _ = await first;
        Task<T2> second = YieldGetValue<T2>();
        await default(YieldToQueue);
        _ = await second;
    }

    private static async Task<T> YieldGetValue<T>()
    {
        await default(YieldToQueue);
        return default!;
    }

    // ----- both -----

    private static async Task FrameYieldExecute()
    {
        s_frame.Value = new object();
        Task first = FrameYieldGetAndConsume<Struct32, object>();
        await default(YieldToQueue);
        await first;
        Task second = FrameYieldGetAndConsume<object, Struct32>();
        await default(YieldToQueue);
        await second;
    }

    private static async Task FrameYieldGetAndConsume<T1, T2>()
    {
        s_frame.Value = new object();
        Task<T1> first = FrameYieldGetValue<T1>();
        await default(YieldToQueue);
        _ = await first;
        Task<T2> second = FrameYieldGetValue<T2>();
        await default(YieldToQueue);
        _ = await second;
    }

    private static async Task<T> FrameYieldGetValue<T>()
    {
        s_frame.Value = new object();
        await default(YieldToQueue);
        return default!;
    }

    // ----- PromiseJs, as in AsyncMethodBenchmarks -----

    private static async Promise PromiseExecute()
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
        await Promise.Resolve();
        return default!;
    }

    /// <summary>An awaitable that never completes synchronously: its continuation goes to the queue.</summary>
    private readonly struct YieldToQueue : ICriticalNotifyCompletion
    {
        public bool IsCompleted => false;

        public YieldToQueue GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => s_jobs.Enqueue(continuation);

        public void UnsafeOnCompleted(Action continuation) => s_jobs.Enqueue(continuation);
    }
}
