namespace PromiseJs.Scheduling;

/// <summary>
/// A FIFO queue of promise jobs drained by one callback at a time, posted through its scheduler: jobs run one after
/// another in the order they were queued (Promises/A+ 2.2.6) whatever the scheduler does with posted callbacks.
/// </summary>
/// <remarks>
/// <para>A job that blocks on <see cref="Promise.Wait()"/> hands the draining role to a new callback first
/// (<see cref="ReleaseCurrentDrainer"/>), so the promise it waits for can still settle.</para>
/// <para>With several queues on one scheduler (<see cref="StripedJobQueue"/>), a job that starts another queue of the same
/// scheduler — a handler's result promise settling, whose handlers sit on another stripe — does not post it at once: the
/// thread takes it over when the job returns if its own queue is empty by then (a chain runs on, link after link, with no
/// thread hop), and posts it otherwise, so it never waits behind a later job of this queue.</para>
/// </remarks>
internal sealed class SerialJobQueue(PromiseScheduler scheduler) : IThreadPoolWorkItem
{
    private readonly PromiseScheduler _scheduler = scheduler;

    [ThreadStatic]
    private static SerialJobQueue? t_draining;

    // A queue the running job started (its draining flag set, not posted yet); at most one, and only while t_draining is set.
    [ThreadStatic]
    private static SerialJobQueue? t_handedOver;

    /// <summary>The callback that drains a queue, for <see cref="PromiseScheduler.Post"/>.</summary>
    public static readonly SendOrPostCallback DrainCallback = static state => ((SerialJobQueue)state!).Drain();

    private readonly object _gate = new();
    // Small at first: every SynchronizationContext that handlers were attached under gets one, and most see a few jobs.
    private readonly JobQueue _queue = new(4);
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

        if (!start)
        {
            return;
        }

        if (t_draining is { } running && running != this && running._scheduler == _scheduler && t_handedOver is null)
        {
            t_handedOver = this;
        }
        else
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
        PostHandedOver();
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

    // The queue is its own thread-pool work item (at most one is outstanding at a time): posting a drain allocates nothing.
    void IThreadPoolWorkItem.Execute() => Drain();

    private static void PostHandedOver()
    {
        if (t_handedOver is { } next)
        {
            t_handedOver = null;
            next.PostDrain();
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
                _scheduler.PostDrain(this);
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
        SerialJobQueue? outerHandedOver = t_handedOver;
        t_handedOver = null;
        SerialJobQueue queue = this;
        t_draining = queue;
        try
        {
            while (true)
            {
                Job job;
                lock (queue._gate)
                {
                    if (queue._queue.Count == 0)
                    {
                        queue._draining = false;
                        return;
                    }

                    job = queue._queue.Dequeue();
                }

                job.Run();
                if (t_draining != queue)
                {
                    // A blocking wait inside the job handed the queue (and any queue it started) to other callbacks.
                    return;
                }

                if (t_handedOver is { } next)
                {
                    t_handedOver = null;
                    bool switchOver;
                    lock (queue._gate)
                    {
                        switchOver = queue._queue.Count == 0;
                        if (switchOver)
                        {
                            queue._draining = false;
                        }
                    }

                    if (switchOver)
                    {
                        queue = next;
                        t_draining = queue;
                    }
                    else
                    {
                        next.PostDrain();
                    }
                }
            }
        }
        finally
        {
            // Normally empty here; after an exception it must not be lost.
            PostHandedOver();
            t_draining = outer;
            t_handedOver = outerHandedOver;
        }
    }
}
