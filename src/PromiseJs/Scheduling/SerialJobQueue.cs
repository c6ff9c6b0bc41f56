namespace PromiseJs.Scheduling;

/// <summary>
/// A FIFO queue of promise jobs drained by one callback at a time, posted through its scheduler: jobs run one after
/// another in the order they were queued (Promises/A+ 2.2.6) whatever the scheduler does with posted callbacks.
/// </summary>
/// <remarks>A job that blocks on <see cref="Promise.Wait()"/> hands the draining role to a new callback first
/// (<see cref="ReleaseCurrentDrainer"/>), so the promise it waits for can still settle.</remarks>
internal sealed class SerialJobQueue(PromiseScheduler scheduler)
{
    private readonly PromiseScheduler _scheduler = scheduler;

    [ThreadStatic]
    private static SerialJobQueue? t_draining;

    private static readonly SendOrPostCallback s_drain = static state => ((SerialJobQueue)state!).Drain();

    private readonly object _gate = new();
    private readonly JobQueue _queue = new();
    private bool _draining;

    public void Enqueue(Promise job, Promise? source)
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
            _scheduler.Post(s_drain, this);
        }
    }

    /// <summary>Called before a thread blocks: if it is draining a queue, another callback takes the queue over.</summary>
    public static void ReleaseCurrentDrainer()
    {
        if (t_draining is not { } queue)
        {
            return;
        }

        t_draining = null;
        bool start = false;
        lock (queue._gate)
        {
            if (queue._queue.Count > 0)
            {
                start = true;
            }
            else
            {
                queue._draining = false;
            }
        }

        if (start)
        {
            queue._scheduler.Post(s_drain, queue);
        }
    }

    private void Drain()
    {
        SerialJobQueue? outer = t_draining;
        t_draining = this;
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
                if (t_draining != this)
                {
                    // A blocking wait inside the job handed the queue to another callback.
                    return;
                }
            }
        }
        finally
        {
            t_draining = outer;
        }
    }
}
