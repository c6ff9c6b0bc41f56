using BenchmarkDotNet.Attributes;

namespace PromiseJs.Benchmarks;

/// <summary>
/// <c>await</c> of an already-fulfilled promise inside an async method, against <c>await</c> of an
/// already-completed <see cref="Task{TResult}"/>.
/// </summary>
/// <remarks>
/// How it is measured: one call of an <c>async ValueTask&lt;int&gt;</c> method per invocation, on a
/// thread with no <see cref="SynchronizationContext"/> and outside any <see cref="PromiseLoop"/>. The
/// async methods return <see cref="ValueTask{TResult}"/> so a method that finishes synchronously costs
/// no allocation of its own: the rows then differ only by the awaited object's awaiter. If the promise
/// awaiter completes synchronously for a fulfilled promise, both rows stay on the calling thread; if it
/// always yields (JavaScript's rule that <c>await</c> takes a tick), the promise row includes that hop
/// and BenchmarkDotNet waits for the returned <see cref="ValueTask{TResult}"/>, so the time is still the
/// whole await.
/// </remarks>
[MemoryDiagnoser]
public class AwaitBenchmarks
{
    private static readonly Task<int> s_completedTask = Task.FromResult(42);
    private static readonly Promise<int> s_fulfilled = Promise.Resolve(42);

    [Benchmark(Baseline = true)]
    public ValueTask<int> Task_Await_Completed() => AwaitTask(s_completedTask);

    [Benchmark]
    public ValueTask<int> PromiseJs_Await_Fulfilled() => AwaitPromise(s_fulfilled);

    private static async ValueTask<int> AwaitTask(Task<int> task) => await task + 1;

    private static async ValueTask<int> AwaitPromise(Promise<int> promise) => await promise + 1;
}
