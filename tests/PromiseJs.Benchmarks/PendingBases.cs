namespace PromiseJs.Benchmarks;

/// <summary>
/// The bases the CSharpAsynchronousBenchmarks scenarios chain on, shared by <see cref="ContinueWithBenchmarks"/> and
/// <see cref="AsyncMethodBenchmarks"/>: already resolved, or pending and resolved as soon as the driver gets control back —
/// for Task by <see cref="ResolvePendingSources"/> after the chain has started, for a promise by a microtask.
/// </summary>
internal static class PendingBases
{
    private static readonly Stack<TaskCompletionSource<bool>> s_pendingSources = new(4);

    // Outside a loop a promise's await resumes on the thread pool, so the methods that ask for bases run there: their
    // resolvers reach the driver through a thread-safe queue.
    private static readonly System.Collections.Concurrent.ConcurrentQueue<Action> s_pendingResolvers = new();

    /// <summary>Gets or sets whether the bases are pending (the benchmarks' <c>Pending</c> parameter).</summary>
    public static bool Pending { get; set; }

    public static Task TaskBase()
    {
        if (!Pending)
        {
            return Task.CompletedTask;
        }

        var source = new TaskCompletionSource<bool>();
        s_pendingSources.Push(source);
        return source.Task;
    }

    public static void ResolvePendingSources()
    {
        while (s_pendingSources.TryPop(out var source))
        {
            source.SetResult(true);
        }
    }

    public static Promise PromiseBase()
    {
        if (!Pending)
        {
            return Promise.Resolve();
        }

        var resolvers = Promise.WithResolvers();
        if (PromiseLoop.IsRunning)
        {
            PromiseLoop.QueueMicrotask(resolvers.Resolve);
        }
        else
        {
            s_pendingResolvers.Enqueue(resolvers.Resolve);
        }

        return resolvers.Promise;
    }

    /// <summary>Outside a loop: resolves the pending promise bases as they are asked for, until <paramref name="chain"/> has
    /// settled (at once when the bases are resolved: the chain then ran synchronously).</summary>
    public static void ResolvePendingPromisesUntilSettled(Promise chain)
    {
        var spinner = default(SpinWait);
        while (chain.State == PromiseState.Pending)
        {
            if (s_pendingResolvers.TryDequeue(out Action? resolve))
            {
                resolve();
                spinner = default;
            }
            else
            {
                // Waits for the pool thread that resumes the chain; never sleeps (a millisecond would swamp the row).
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>Runs each chain once (so one-time static work is not measured) and checks that both reach their end.</summary>
    public static void RunOnceAndCheck(Func<Task> taskChain, Func<Promise> promiseChain)
    {
        Promise outside = promiseChain();
        ResolvePendingPromisesUntilSettled(outside);
        if (outside.State != PromiseState.Fulfilled)
        {
            throw new InvalidOperationException("The promise chain did not run to its end outside a loop.");
        }

        Task task = taskChain();
        ResolvePendingSources();
        if (!task.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The Task chain did not run to its end.");
        }

        Promise? promise = null;
        PromiseLoop.Run(() => promise = promiseChain());
        if (promise?.State != PromiseState.Fulfilled)
        {
            throw new InvalidOperationException("The promise chain did not run to its end.");
        }
    }
}

/// <summary>The original suite's 32-byte struct.</summary>
internal readonly record struct Struct32(long A, long B, long C, long D);
