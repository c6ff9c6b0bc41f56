namespace PromiseJs.Tests.TestSupport;

/// <summary>A synchronization context like a UI thread's: <see cref="Post"/> only queues; the test thread pumps the queue.</summary>
internal sealed class QueueingSynchronizationContext : SynchronizationContext
{
    private readonly object _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private int _postCount;

    /// <summary>Gets how many callbacks were posted so far (run or not).</summary>
    public int PostCount => Volatile.Read(ref _postCount);

    /// <summary>Gets the managed thread id of the thread that last pumped the queue.</summary>
    public int PumpThreadId { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        lock (_gate)
        {
            Interlocked.Increment(ref _postCount);
            _queue.Enqueue((d, state));
            Monitor.PulseAll(_gate);
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The library should only ever post to a synchronization context.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs the queued callbacks, and those they queue, until the queue is empty; returns how many ran.</summary>
    public int RunPending()
    {
        int count = 0;
        while (TryTake(TimeSpan.Zero, out var item))
        {
            RunOne(item);
            count++;
        }

        return count;
    }

    /// <summary>Pumps the queue on the calling thread until <paramref name="done"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public void RunUntil(Func<bool> done, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The condition did not hold before the timeout while pumping the synchronization context.");
            }

            if (TryTake(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100), out var item))
            {
                RunOne(item);
            }
        }
    }

    private bool TryTake(TimeSpan wait, out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            if (_queue.Count == 0 && wait > TimeSpan.Zero)
            {
                Monitor.Wait(_gate, wait);
            }

            return _queue.TryDequeue(out item);
        }
    }

    private void RunOne((SendOrPostCallback Callback, object? State) item)
    {
        PumpThreadId = Environment.CurrentManagedThreadId;
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            item.Callback(item.State);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
