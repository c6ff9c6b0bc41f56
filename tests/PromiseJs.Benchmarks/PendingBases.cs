namespace PromiseJs.Benchmarks;

/// <summary>
/// The bases the CSharpAsynchronousBenchmarks scenarios chain on, shared by <see cref="ContinueWithBenchmarks"/> and
/// <see cref="AsyncMethodBenchmarks"/>: already resolved, or pending and resolved as soon as the driver gets control back —
/// for Task by <see cref="ResolvePendingSources"/> after the chain has started, for a promise by a microtask.
/// </summary>
internal static class PendingBases
{
    private static readonly Stack<TaskCompletionSource<bool>> s_pendingSources = new(4);

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
        PromiseLoop.QueueMicrotask(resolvers.Resolve);
        return resolvers.Promise;
    }

    /// <summary>Runs each chain once (so one-time static work is not measured) and checks that both reach their end.</summary>
    public static void RunOnceAndCheck(Func<Task> taskChain, Func<Promise> promiseChain)
    {
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
