using PromiseJs.Scheduling;

namespace PromiseJs.Tests.Context.Support;

/// <summary>A custom <see cref="PromiseScheduler"/> that only queues what is posted; the test pumps the queue on its own
/// thread, first in first out — or last in first out with <c>reverse</c>, to show the library does not rely on the order
/// a scheduler runs its callbacks in.</summary>
internal sealed class ManualPromiseScheduler(bool reverse = false) : PromiseScheduler
{
    [ThreadStatic]
    private static ManualPromiseScheduler? t_running;

    private readonly object _gate = new();
    private readonly List<(SendOrPostCallback Callback, object? State)> _queue = [];
    private int _postCount;

    /// <summary>Gets how many callbacks were posted so far (run or not).</summary>
    public int PostCount => Volatile.Read(ref _postCount);

    /// <summary>Gets how many callbacks wait to be pumped.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Gets whether the calling code runs inside a callback this scheduler is pumping.</summary>
    public bool IsRunningHere => t_running == this;

    /// <summary>Runs the queued callbacks, and those they queue, until none is left; returns how many ran.</summary>
    public int RunAll()
    {
        int count = 0;
        while (true)
        {
            (SendOrPostCallback Callback, object? State) item;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    return count;
                }

                int index = reverse ? _queue.Count - 1 : 0;
                item = _queue[index];
                _queue.RemoveAt(index);
            }

            ManualPromiseScheduler? outer = t_running;
            t_running = this;
            try
            {
                item.Callback(item.State);
            }
            finally
            {
                t_running = outer;
            }

            count++;
        }
    }

    // protected internal: the test assembly sees the library's internals (InternalsVisibleTo); user code writes protected.
    protected internal override void Post(SendOrPostCallback callback, object? state)
    {
        lock (_gate)
        {
            _queue.Add((callback, state));
            _postCount++;
        }
    }
}
