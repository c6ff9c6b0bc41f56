using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using PromiseJs.Reactive;

namespace PromiseJs.Benchmarks;

/// <summary>
/// The Rx bridge's round trip, <c>promise.ToObservable().ToPromise()</c>, against Rx's own round trip for tasks,
/// <c>task.ToObservable().ToTask()</c> (System.Reactive.Threading.Tasks).
/// </summary>
/// <remarks>
/// How it is measured: one round trip per invocation, from a source that is either already settled or still pending.
/// Settled: a static fulfilled promise or completed task; both bridges notify inside <c>Subscribe</c>, so the result is
/// settled when the call returns (the promise row reads <c>Value</c>, the task row returns its completed task). Pending: a
/// fresh <see cref="Promise.WithResolvers{T}()"/> or <see cref="TaskCompletionSource{TResult}"/>, converted, then resolved.
/// The promise's handler runs as a microtask, so that row runs inside <see cref="PromiseLoop.Run{T}(Func{Promise{T}})"/>
/// (entering and leaving the loop included); Rx's default <c>ToObservable()</c> for a pending task continues on the thread
/// pool, and BenchmarkDotNet waits for the returned task, so that row includes the hop, as users get it.
/// </remarks>
[MemoryDiagnoser]
public class ObservableRoundTripBenchmarks
{
    private static readonly Task<int> s_completedTask = Task.FromResult(42);
    private static readonly Promise<int> s_fulfilled = Promise.Resolve(42);

    [ParamsAllValues]
    public bool Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // One round trip each first, so one-time static work is not measured; and a check that both really round-trip.
        if (Task_ToObservable_ToTask().GetAwaiter().GetResult() != 42 || PromiseJs_ToObservable_ToPromise() != 42)
        {
            throw new InvalidOperationException("A round trip lost the value.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> Task_ToObservable_ToTask()
    {
        if (!Pending)
        {
            return s_completedTask.ToObservable().ToTask();
        }

        var source = new TaskCompletionSource<int>();
        Task<int> result = source.Task.ToObservable().ToTask();
        source.SetResult(42);
        return result;
    }

    [Benchmark]
    public int PromiseJs_ToObservable_ToPromise()
    {
        if (!Pending)
        {
            return s_fulfilled.ToObservable().ToPromise().Value;
        }

        return PromiseLoop.Run(static () =>
        {
            var resolvers = Promise.WithResolvers<int>();
            Promise<int> result = resolvers.Promise.ToObservable().ToPromise();
            resolvers.Resolve(42);
            return result;
        });
    }
}
