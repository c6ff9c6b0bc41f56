using PromiseJs.Scheduling;

namespace PromiseJs.Tests.Context.Support;

/// <summary>A custom <see cref="PromiseScheduler"/> that runs every posted callback at once on its own thread-pool work
/// item, in parallel with the others: the library must still run one promise's handlers one at a time, in order.</summary>
internal sealed class ParallelPromiseScheduler : PromiseScheduler
{
    [ThreadStatic]
    private static ParallelPromiseScheduler? t_running;

    private int _postCount;

    /// <summary>Gets how many callbacks were posted so far.</summary>
    public int PostCount => Volatile.Read(ref _postCount);

    /// <summary>Gets whether the calling code runs inside a callback of this scheduler.</summary>
    public bool IsRunningHere => t_running == this;

    // protected internal: the test assembly sees the library's internals (InternalsVisibleTo); user code writes protected.
    protected internal override void Post(SendOrPostCallback callback, object? state)
    {
        Interlocked.Increment(ref _postCount);
        System.Threading.ThreadPool.UnsafeQueueUserWorkItem(
            static s =>
            {
                ParallelPromiseScheduler? outer = t_running;
                t_running = s.Scheduler;
                try
                {
                    s.Callback(s.State);
                }
                finally
                {
                    t_running = outer;
                }
            },
            (Scheduler: this, Callback: callback, State: state),
            preferLocal: false);
    }
}
