namespace PromiseJs.Scheduling;

/// <summary>
/// The scheduler outside any loop or synchronization context. Handlers go through per-promise FIFO queues
/// (<see cref="StripedJobQueue"/>): the handlers of one promise run one after another in attachment order, each queue
/// drained by one thread-pool callback at a time, while the handlers of unrelated promises run in parallel. Independent
/// work (<c>Promise.Run</c>) goes to the thread pool directly.
/// </summary>
internal sealed class ThreadPoolJobScheduler : PromiseScheduler
{
    public static readonly ThreadPoolJobScheduler Instance = new();

    private readonly StripedJobQueue _queues;

    private ThreadPoolJobScheduler()
    {
        _queues = new StripedJobQueue(this, StripedJobQueue.DefaultStripeCount);
    }

    /// <summary>Gets the per-promise queues (tests pick promises on different stripes through it).</summary>
    internal StripedJobQueue Queues => _queues;

    protected internal override void Post(SendOrPostCallback callback, object? state) =>
        System.Threading.ThreadPool.UnsafeQueueUserWorkItem(static s => s.callback(s.state), (callback, state), preferLocal: false);

    internal override void Enqueue(Promise job, Promise? source) => _queues.Enqueue(job, source);

    // Into the posting thread's local queue when it is a pool thread, as Task queues its continuations: a chain's next
    // handler usually runs on the same thread right after, and an idle thread steals it if this one stays busy or blocks.
    internal override void PostDrain(SerialJobQueue queue) => System.Threading.ThreadPool.UnsafeQueueUserWorkItem(queue, preferLocal: true);

    /// <summary>Queues a job behind every job queued with the same <paramref name="key"/>, whatever its source.</summary>
    internal void Enqueue(Promise job, Promise? source, object key) => _queues.Enqueue(job, source, key);

    internal override void Execute(Promise work)
    {
        if (work is IThreadPoolWorkItem item)
        {
            // A work promise is its own work item: queueing it allocates nothing.
            System.Threading.ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        }
        else
        {
            System.Threading.ThreadPool.UnsafeQueueUserWorkItem(static work => work.RunJob(null), work, preferLocal: false);
        }
    }
}
