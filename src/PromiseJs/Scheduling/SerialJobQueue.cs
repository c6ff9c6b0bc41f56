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
            PostDrain();
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
            queue.PostDrain();
        }
    }

    // Posts the drain callback; the caller holds the draining role. A scheduler whose Post throws refuses the job at the
    // head of the queue, which fails (PostFailure: a reaction promise rejects with the exception), and is asked again for
    // the rest: one refusal costs one job, and the queue is never left claimed by a drain callback that does not exist.
    private void PostDrain()
    {
        while (true)
        {
            try
            {
                _scheduler.Post(s_drain, this);
                return;
            }
            catch (Exception ex)
            {
                Job refused;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _draining = false;
                        return;
                    }

                    refused = _queue.Dequeue();
                }

                // Jobs this queues on the same scheduler (the rejected reaction's own reactions) wait behind the role we hold.
                PostFailure.Fail(refused.Target, refused.Source, ex);
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _draining = false;
                        return;
                    }
                }
            }
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
