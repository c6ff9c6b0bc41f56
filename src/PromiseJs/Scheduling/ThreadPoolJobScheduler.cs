namespace PromiseJs.Scheduling;

/// <summary>
/// The scheduler outside any loop or synchronization context: one FIFO queue drained by one thread-pool work item at a
/// time, so reactions run one after another in the order they were queued (Promises/A+ 2.2.6), like JavaScript's job queue.
/// </summary>
/// <remarks>A handler that blocks on <see cref="Promise.Wait()"/> hands the draining role to a new work item first, so the
/// promise it waits for can still settle.</remarks>
internal sealed class ThreadPoolJobScheduler : JobScheduler, IThreadPoolWorkItem
{
    public static readonly ThreadPoolJobScheduler Instance = new();

    [ThreadStatic]
    private static bool t_isDrainer;

    private readonly object _gate = new();
    private readonly JobQueue _queue = new();
    private bool _draining;

    private ThreadPoolJobScheduler()
    {
    }

    public static bool IsDrainerThread => t_isDrainer;

    public override void Enqueue(Promise job, Promise? source)
    {
        bool start = false;
        lock (_gate)
        {
            _queue.Enqueue(new Job(job, source));
            if (!_draining)
            {
                _draining = true;
                start = true;
            }
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    // Called on the draining thread before it blocks: another work item takes over the queue.
    public void ReleaseDrainer()
    {
        if (!t_isDrainer)
        {
            return;
        }

        t_isDrainer = false;
        bool start = false;
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                start = true;
            }
            else
            {
                _draining = false;
            }
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        t_isDrainer = true;
        try
        {
            while (true)
            {
                Job job;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _draining = false;
                        return;
                    }

                    job = _queue.Dequeue();
                }

                job.Run();
                if (!t_isDrainer)
                {
                    // A blocking wait inside the job handed the queue to another work item.
                    return;
                }
            }
        }
        finally
        {
            t_isDrainer = false;
        }
    }
}
