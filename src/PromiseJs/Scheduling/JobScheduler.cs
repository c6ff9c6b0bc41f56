namespace PromiseJs.Scheduling;

/// <summary>
/// The scheduling seam: decides where a reaction runs. A reaction captures its scheduler when it is attached, as an
/// <see cref="object"/> that is either a <see cref="PromiseScheduler"/> or a <see cref="SynchronizationContext"/> to post to
/// (the ambient context, kept raw so that capturing it allocates nothing).
/// </summary>
internal static class JobScheduler
{
    /// <summary>Gets where a reaction attached now runs: the scheduler of the current promise context, if any; else the
    /// running <see cref="PromiseLoop"/>; else the current <see cref="SynchronizationContext"/> (unless it is the thread-pool
    /// default); else the serial thread-pool queue.</summary>
    public static object Capture() => Context.PromiseContext.Current?.Scheduler ?? CaptureAmbient(SynchronizationContext.Current);

    /// <summary>The same rule without a promise context, for a given current <see cref="SynchronizationContext"/>.</summary>
    public static object CaptureAmbient(SynchronizationContext? context)
    {
        if (LoopCore.Current is { } loop)
        {
            return loop;
        }

        if (context is null || context.GetType() == typeof(SynchronizationContext))
        {
            return ThreadPoolJobScheduler.Instance;
        }

        return context is LoopSynchronizationContext loopContext ? loopContext.Loop : context;
    }

    public static void Enqueue(object scheduler, Promise job, Promise? source)
    {
        if (scheduler is LoopCore loop)
        {
            // The common case, tested first: a sealed type is an exact, inlined check.
            loop.Enqueue(job, source);
        }
        else if (scheduler is PromiseScheduler promiseScheduler)
        {
            promiseScheduler.Enqueue(job, source);
        }
        else
        {
            var posted = new PostedJob(job, source);
            try
            {
                ((SynchronizationContext)scheduler).Post(static state => ((PostedJob)state!).Run(), posted);
            }
            catch (Exception ex)
            {
                // A context that refuses the post (a UI dispatcher that has shut down) fails this job only.
                PostFailure.Fail(job, source, ex);
            }
        }
    }

    public static void OperationStarted(object scheduler)
    {
        if (scheduler is PromiseScheduler promiseScheduler)
        {
            promiseScheduler.OperationStarted();
        }
        else
        {
            ((SynchronizationContext)scheduler).OperationStarted();
        }
    }

    public static void OperationCompleted(object scheduler)
    {
        if (scheduler is PromiseScheduler promiseScheduler)
        {
            promiseScheduler.OperationCompleted();
        }
        else
        {
            ((SynchronizationContext)scheduler).OperationCompleted();
        }
    }

    private sealed class PostedJob(Promise target, Promise? source)
    {
        public void Run() => new Job(target, source).Run();
    }
}
