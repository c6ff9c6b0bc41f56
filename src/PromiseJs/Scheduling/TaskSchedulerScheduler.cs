namespace PromiseJs.Scheduling;

/// <summary>A scheduler that starts its callbacks as tasks on a <see cref="TaskScheduler"/>. On one that runs tasks
/// concurrently (<see cref="TaskScheduler.MaximumConcurrencyLevel"/> above one, as the default does), the handlers of
/// unrelated promises run in parallel and those of one promise in order; on an exclusive one, every handler waits its turn
/// in one FIFO queue.</summary>
internal sealed class TaskSchedulerScheduler : PromiseScheduler
{
    private readonly TaskScheduler _scheduler;

    // null when the task scheduler runs one task at a time: the one FIFO queue of the base class then keeps the order.
    private readonly StripedJobQueue? _queues;

    public TaskSchedulerScheduler(TaskScheduler scheduler)
    {
        _scheduler = scheduler;
        _queues = scheduler.MaximumConcurrencyLevel > 1 ? new StripedJobQueue(this, StripedJobQueue.DefaultStripeCount) : null;
    }

    /// <summary>Gets the per-promise queues, or <see langword="null"/> on a task scheduler that runs one task at a time.</summary>
    internal StripedJobQueue? Queues => _queues;

    protected internal override void Post(SendOrPostCallback callback, object? state) =>
        Task.Factory.StartNew(
            static s => { var (callback, state) = ((SendOrPostCallback, object?))s!; callback(state); },
            (callback, state),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            _scheduler);

    internal override void Enqueue(Promise job, Promise? source)
    {
        if (_queues is { } queues)
        {
            queues.Enqueue(job, source);
        }
        else
        {
            base.Enqueue(job, source);
        }
    }
}
