namespace PromiseJs.Scheduling;

/// <summary>Decides where promise handlers and promise work run: a <see cref="PromiseLoop"/>, the thread pool, a
/// <see cref="SynchronizationContext"/>, a <see cref="TaskScheduler"/>, or one of your own (an Rx scheduler, a test clock…).</summary>
/// <remarks>
/// <para>To write one, override <see cref="Post"/>. The library queues handlers in order on top of it and drains that
/// queue through <see cref="Post"/> one callback at a time, so even a scheduler that runs posted callbacks in parallel runs
/// one promise's handlers strictly one after another, in the order they were attached (and, on your own scheduler, the
/// handlers of all promises in the order they were queued).</para>
/// <para><see cref="ThreadPool"/> and a <see cref="FromTaskScheduler">task scheduler</see> that runs tasks concurrently keep
/// one such queue per promise instead (in effect: promises share a fixed set of queues by hash): one promise's handlers
/// still run one after another in attachment order, while the handlers of unrelated promises run in parallel, so a handler
/// that blocks does not hold up the rest of the process.</para>
/// <para>A promise context (<see cref="Context.PromiseContext"/>) carries a scheduler as a setting, inherited down its tree
/// and frozen when each node is created.</para>
/// </remarks>
public abstract class PromiseScheduler
{
    // Lazily created for schedulers that only implement Post: keeps their jobs in FIFO order.
    private SerialJobQueue? _serialQueue;

    /// <summary>Initializes a scheduler.</summary>
    protected PromiseScheduler()
    {
    }

    /// <summary>Gets the scheduler that runs handlers on the thread pool — the handlers of one promise one after another in
    /// the order they were attached, those of unrelated promises in parallel — and promise work in parallel.</summary>
    public static PromiseScheduler ThreadPool => ThreadPoolJobScheduler.Instance;

    /// <summary>Gets the scheduler of the <see cref="PromiseLoop"/> running on the calling thread.</summary>
    /// <exception cref="InvalidOperationException">The calling thread is not inside <c>PromiseLoop.Run</c>.</exception>
    public static PromiseScheduler CurrentLoop => LoopCore.Current ?? throw new InvalidOperationException(
        "PromiseScheduler.CurrentLoop needs a running loop on this thread; read it inside PromiseLoop.Run(...).");

    /// <summary>Returns a scheduler that posts to <paramref name="context"/>.</summary>
    /// <param name="context">The context to post to (a UI thread's, say).</param>
    /// <returns>A scheduler that runs handlers and promise work by posting them to <paramref name="context"/>; the same
    /// instance for the same context, so all its handlers share one FIFO queue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static PromiseScheduler FromSynchronizationContext(SynchronizationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SynchronizationContextScheduler.For(context);
    }

    /// <summary>Returns a scheduler that starts its callbacks as tasks on <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">The task scheduler to start the callbacks on.</param>
    /// <returns>A scheduler that runs handlers and promise work as tasks on <paramref name="scheduler"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is <see langword="null"/>.</exception>
    public static PromiseScheduler FromTaskScheduler(TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return new TaskSchedulerScheduler(scheduler);
    }

    /// <summary>Runs <paramref name="callback"/> with <paramref name="state"/> once, later (never inside this call), on this scheduler.</summary>
    /// <param name="callback">The callback; it does not throw (the library catches what promise code throws).</param>
    /// <param name="state">The state to pass to the callback.</param>
    protected internal abstract void Post(SendOrPostCallback callback, object? state);

    /// <summary>Queues a promise job; the jobs of one promise are queued in attachment order and must run in that order.</summary>
    internal virtual void Enqueue(Promise job, Promise? source)
    {
        SerialJobQueue? queue = Volatile.Read(ref _serialQueue);
        if (queue is null)
        {
            Interlocked.CompareExchange(ref _serialQueue, new SerialJobQueue(this), null);
            queue = _serialQueue!;
        }

        queue.Enqueue(job, source);
    }

    /// <summary>Posts a callback that drains <paramref name="queue"/>.</summary>
    internal virtual void PostDrain(SerialJobQueue queue) => Post(SerialJobQueue.DrainCallback, queue);

    /// <summary>Runs independent work (the synchronous function of <c>Promise.Run</c>): posted, in parallel where the scheduler allows.</summary>
    internal virtual void Execute(Promise work) => Post(static state => ((Promise)state!).RunJob(null), work);

    /// <summary>Tells the scheduler that work outside it (a pending task being adopted) will queue a job later.</summary>
    internal virtual void OperationStarted()
    {
    }

    /// <summary>Ends what <see cref="OperationStarted()"/> began.</summary>
    internal virtual void OperationCompleted()
    {
    }
}
