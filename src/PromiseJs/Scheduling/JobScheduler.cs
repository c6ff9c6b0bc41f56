namespace PromiseJs.Scheduling;

/// <summary>
/// The scheduling seam: decides where a reaction runs. A reaction captures its <see cref="PromiseScheduler"/> when it is
/// attached, by one rule (<see cref="Capture"/>); queueing a job on it is one virtual call.
/// </summary>
internal static class JobScheduler
{
    /// <summary>Gets where a reaction attached now runs: the scheduler of the current promise context, if any; else the
    /// running <see cref="PromiseLoop"/>; else the current <see cref="SynchronizationContext"/> (unless it is the thread-pool
    /// default); else the thread pool.</summary>
    public static PromiseScheduler Capture() => Context.AmbientStack.CurrentScheduler ?? CaptureAmbient(SynchronizationContext.Current);

    /// <summary>The same rule without a promise context, for a given current <see cref="SynchronizationContext"/>; capturing
    /// a context again returns its one cached scheduler (nothing is allocated in steady state).</summary>
    public static PromiseScheduler CaptureAmbient(SynchronizationContext? context)
    {
        if (LoopCore.Current is { } loop)
        {
            return loop;
        }

        if (context is null || context.GetType() == typeof(SynchronizationContext))
        {
            return ThreadPoolJobScheduler.Instance;
        }

        return SynchronizationContextScheduler.For(context);
    }

    public static void Enqueue(PromiseScheduler scheduler, Promise job, Promise? source)
    {
        if (scheduler is LoopCore loop)
        {
            // The common case, tested first: a sealed type is an exact check, and the call is direct (and inlinable).
            loop.Enqueue(job, source);
        }
        else
        {
            scheduler.Enqueue(job, source);
        }
    }
}
