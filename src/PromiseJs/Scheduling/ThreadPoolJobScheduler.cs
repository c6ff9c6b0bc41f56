namespace PromiseJs.Scheduling;

/// <summary>
/// The scheduler outside any loop or synchronization context: handlers go through one FIFO queue drained by one
/// thread-pool callback at a time, so they run one after another in order, like JavaScript's job queue; independent work
/// (<c>Promise.Run</c>) goes to the thread pool directly and runs in parallel.
/// </summary>
internal sealed class ThreadPoolJobScheduler : PromiseScheduler
{
    public static readonly ThreadPoolJobScheduler Instance = new();

    private ThreadPoolJobScheduler()
    {
    }

    protected internal override void Post(SendOrPostCallback callback, object? state) =>
        System.Threading.ThreadPool.UnsafeQueueUserWorkItem(static s => s.callback(s.state), (callback, state), preferLocal: false);

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
