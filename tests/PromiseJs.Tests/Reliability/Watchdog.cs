using Xunit.Sdk;

namespace PromiseJs.Tests.Reliability;

/// <summary>Bounded waits for the reliability suite: a test that would hang fails instead, naming what was still pending.
/// The bound (<see cref="ReliabilityScale.Watchdog"/>) is generous and nothing asserts on elapsed time.</summary>
internal static class Watchdog
{
    /// <summary>Waits for <paramref name="promise"/> and returns its value (or throws its reason).</summary>
    public static T Wait<T>(Promise<T> promise, string what)
    {
        if (!promise.TryWait(ReliabilityScale.Watchdog, out T? value))
        {
            throw Pending(what);
        }

        return value!;
    }

    /// <summary>Waits for <paramref name="promise"/> to settle (and throws its reason if it rejected).</summary>
    public static void Wait(Promise promise, string what)
    {
        if (!promise.TryWait(ReliabilityScale.Watchdog))
        {
            throw Pending(what);
        }
    }

    /// <summary>Waits for every worker; on timeout fails with <paramref name="describePending"/>'s account of what was left.</summary>
    public static void WaitAll(IReadOnlyList<Task> workers, Func<string> describePending)
    {
        bool finished;
        try
        {
            finished = Task.WhenAll(workers).Wait(ReliabilityScale.Watchdog);
        }
        catch (AggregateException ex)
        {
            throw new XunitException($"A worker failed: {ex.Flatten().InnerExceptions[0]}");
        }

        if (!finished)
        {
            int stuck = workers.Count(w => !w.IsCompleted);
            throw Pending($"{stuck} of {workers.Count} workers; {describePending()}");
        }
    }

    /// <summary>Runs <paramref name="main"/> in a <see cref="PromiseLoop"/> that the watchdog ends if it has not finished in time.</summary>
    public static T RunLoop<T>(Func<Promise<T>> main, string what)
    {
        using var watchdog = new CancellationTokenSource(ReliabilityScale.Watchdog);
        try
        {
            return PromiseLoop.Run(main, watchdog.Token);
        }
        catch (OperationCanceledException) when (watchdog.IsCancellationRequested)
        {
            throw Pending(what);
        }
    }

    private static XunitException Pending(string what) =>
        new($"Watchdog: after {ReliabilityScale.Watchdog.TotalSeconds:N0} s still pending: {what}.");
}
