namespace PromiseJs.Scheduling;

/// <summary>
/// The scheduling seam: decides where a reaction runs. A reaction captures its scheduler when it is attached, as an
/// <see cref="object"/> that is either a <see cref="JobScheduler"/> or a <see cref="SynchronizationContext"/> to post to.
/// </summary>
internal abstract class JobScheduler
{
    /// <summary>Queues a job; the handlers of one promise are queued in attachment order and must run in that order.</summary>
    public abstract void Enqueue(Promise job, Promise? source);

    /// <summary>Tells the scheduler that work outside it (a pending task being adopted) will queue a job later.</summary>
    public virtual void OperationStarted()
    {
    }

    /// <summary>Ends what <see cref="OperationStarted()"/> began.</summary>
    public virtual void OperationCompleted()
    {
    }

    /// <summary>Gets where a reaction attached now runs: the running <see cref="PromiseLoop"/>; else the current
    /// <see cref="SynchronizationContext"/> (unless it is the thread-pool default); else the serial thread-pool queue.</summary>
    public static object Capture()
    {
        if (LoopCore.Current is { } loop)
        {
            return loop;
        }

        SynchronizationContext? context = SynchronizationContext.Current;
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
        else if (scheduler is JobScheduler jobScheduler)
        {
            jobScheduler.Enqueue(job, source);
        }
        else
        {
            var posted = new PostedJob(job, source);
            ((SynchronizationContext)scheduler).Post(static state => ((PostedJob)state!).Run(), posted);
        }
    }

    public static void OperationStarted(object scheduler)
    {
        if (scheduler is JobScheduler jobScheduler)
        {
            jobScheduler.OperationStarted();
        }
        else
        {
            ((SynchronizationContext)scheduler).OperationStarted();
        }
    }

    public static void OperationCompleted(object scheduler)
    {
        if (scheduler is JobScheduler jobScheduler)
        {
            jobScheduler.OperationCompleted();
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
