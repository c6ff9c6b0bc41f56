namespace PromiseJs.Scheduling;

/// <summary>
/// The cross-thread side of one <see cref="LoopCore"/>: the locked macrotask queue (posted work, timers' signals), the
/// promise jobs other threads queue for the loop (microtasks that join the loop's FIFO before its next one), and the
/// loop's wait for either. Any thread may post; only the loop's thread takes.
/// </summary>
internal sealed class LoopInbox
{
    // Guards both queues, _wake and _waiting.
    private readonly object _gate = new();
    private readonly JobQueue _macrotasks = new();

    // Promise jobs queued from other threads (a promise settled on the thread pool): microtasks, moved into the loop's
    // queue before the loop runs its next microtask or queues one of its own, so they keep their place in the FIFO order.
    private readonly JobQueue _incoming = new();
    private int _incomingCount;

    // How many macrotasks are queued (or being queued): lets the loop skip the lock when nothing was posted.
    // Incremented before _running is read and _running is cleared before this is read, both with full fences, so a
    // post racing with the end of the loop is either refused (and runs on the thread pool) or seen by Close.
    private int _posted;
    private int _running;
    private bool _wake;
    private bool _waiting;

    /// <summary>Gets whether another thread queued microtasks the loop has not taken yet (read without the lock).</summary>
    public bool HasIncoming => Volatile.Read(ref _incomingCount) != 0;

    /// <summary>Gets whether macrotasks are queued (read without the lock).</summary>
    public bool HasPosted => Volatile.Read(ref _posted) != 0;

    /// <summary>Accepts posts from now on (the loop is entering).</summary>
    public void Open() => Volatile.Write(ref _running, 1);

    /// <summary>Refuses posts from now on (the loop is leaving) and sends whatever is still queued — left over after an
    /// exception, or queued while the loop was ending — to the thread pool, one job at a time in its order: nothing is
    /// lost.</summary>
    public void Close(LoopCore loop)
    {
        Interlocked.Exchange(ref _running, 0);
        if (HasPosted || HasIncoming)
        {
            lock (_gate)
            {
                ForwardToThreadPool(_incoming, ref _incomingCount, loop);
                ForwardToThreadPool(_macrotasks, ref _posted, loop);
            }
        }

        _wake = false;
    }

    /// <summary>Queues a promise job from another thread as a microtask of the loop.</summary>
    public void PostMicrotask(Promise job, Promise? source, LoopCore loop) => QueueLocked(_incoming, ref _incomingCount, job, source, loop);

    /// <summary>Queues a macrotask from any thread; once the loop has ended, the job runs on the thread pool instead.</summary>
    public void PostMacrotask(Promise job, Promise? source, LoopCore loop) => QueueLocked(_macrotasks, ref _posted, job, source, loop);

    /// <summary>Moves the microtasks other threads queued into the loop's own queue, in their order.</summary>
    public void MoveIncomingTo(JobQueue microtasks)
    {
        lock (_gate)
        {
            while (_incoming.Count > 0)
            {
                microtasks.Enqueue(_incoming.Dequeue());
                _incomingCount--;
            }
        }
    }

    /// <summary>Takes the next macrotask, if one is queued.</summary>
    public bool TryTakeMacrotask(out Job job)
    {
        if (!HasPosted)
        {
            job = default;
            return false;
        }

        lock (_gate)
        {
            if (_macrotasks.Count == 0)
            {
                // Counted but not enqueued yet: the poster holds the lock until it is, so this is only a refusal in flight.
                job = default;
                return false;
            }

            job = _macrotasks.Dequeue();
            _posted--;
            return true;
        }
    }

    /// <summary>Blocks the loop's thread until something is posted or <see cref="Wake"/> is called.</summary>
    public void WaitForWork()
    {
        lock (_gate)
        {
            _waiting = true;
            while (_macrotasks.Count == 0 && _incoming.Count == 0 && !_wake)
            {
                Monitor.Wait(_gate);
            }

            _waiting = false;
            _wake = false;
        }
    }

    /// <summary>Wakes the loop from <see cref="WaitForWork"/> (or makes its next wait return at once).</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _wake = true;
            if (_waiting)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    private static void ForwardToThreadPool(JobQueue queue, ref int count, LoopCore loop)
    {
        while (queue.Count > 0)
        {
            Job job = queue.Dequeue();
            count--;
            ThreadPoolJobScheduler.Instance.Enqueue(job.Target, job.Source, loop);
        }
    }

    // Queues into one of the locked queues and wakes the loop.
    private void QueueLocked(JobQueue queue, ref int count, Promise job, Promise? source, LoopCore loop)
    {
        lock (_gate)
        {
            // Counted before _running is read, while Close clears _running before it reads the counts (both with full
            // fences): either Close sees this job, or this sees the loop ended.
            Interlocked.Increment(ref count);
            if (Volatile.Read(ref _running) != 0)
            {
                queue.Enqueue(new Job(job, source));
                if (_waiting)
                {
                    Monitor.Pulse(_gate);
                }

                return;
            }

            count--;
        }

        // Keyed by the loop, not the source: its jobs keep running one at a time in its order (a coordinator of the loop
        // counts with plain decrements), now on the thread pool.
        ThreadPoolJobScheduler.Instance.Enqueue(job, source, loop);
    }
}
