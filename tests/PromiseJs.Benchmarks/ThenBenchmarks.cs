using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// One <c>Then</c> on an already-fulfilled promise, handler included, against one
/// <c>ContinueWith(…, ExecuteSynchronously)</c> on an already-completed task.
/// </summary>
/// <remarks>
/// How it is measured. A promise handler never runs inside the <c>Then</c> call: it runs as a
/// microtask, so "Then plus its handler" is only done once a loop has drained. Each invocation
/// therefore enters <see cref="PromiseLoop.Run(Func{Promise})"/> once and, inside that one loop,
/// attaches <see cref="Batch"/> handlers (a non-capturing static lambda) to the same fulfilled
/// promise; <c>Run</c> returns only after all of them ran. The time per operation is the invocation
/// divided by <see cref="Batch"/>, so it contains one Then, one queued microtask, one handler call
/// and one result promise settled — plus 1/<see cref="Batch"/> of entering and leaving the loop.
/// That share is shown on its own by <see cref="PromiseLoop_EmptyRun_Share"/> (an empty loop run,
/// divided by the same <see cref="Batch"/>), so it can be subtracted by eye.
/// The baseline does the same count of <c>ContinueWith</c> calls on a completed task; with
/// <see cref="TaskContinuationOptions.ExecuteSynchronously"/> each continuation runs inline, inside
/// the call, so no loop is needed to know it ran.
/// </remarks>
[MemoryDiagnoser]
public class ThenBenchmarks
{
    /// <summary>Thens (or ContinueWiths) per invocation.</summary>
    public const int Batch = 1_000;

    private static readonly Task<int> s_completedTask = Task.FromResult(41);
    private static readonly Promise<int> s_fulfilled = Promise.Resolve(41);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Task_ContinueWith_Completed()
    {
        var task = s_completedTask;
        Task<int> last = task;
        for (var i = 0; i < Batch; i++)
        {
            last = task.ContinueWith(static t => t.Result + 1, TaskContinuationOptions.ExecuteSynchronously);
        }

        return last.Result;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int PromiseJs_Then_Fulfilled() =>
        PromiseLoop.Run(static () =>
        {
            var promise = s_fulfilled;
            var last = promise;
            for (var i = 0; i < Batch; i++)
            {
                last = promise.Then(static x => x + 1);
            }

            return last;
        });

    [Benchmark(OperationsPerInvoke = Batch)]
    public void PromiseLoop_EmptyRun_Share() =>
        PromiseLoop.Run(static () => Promise.Resolve());
}
