namespace PromiseJs.Tests.Context.Support;

/// <summary>A <see cref="TaskScheduler"/> that runs its tasks on the thread pool and counts them.</summary>
internal sealed class CountingTaskScheduler : TaskScheduler
{
    private int _queuedCount;

    /// <summary>Gets how many tasks were queued to this scheduler.</summary>
    public int QueuedCount => Volatile.Read(ref _queuedCount);

    protected override void QueueTask(Task task)
    {
        Interlocked.Increment(ref _queuedCount);
        ThreadPool.UnsafeQueueUserWorkItem(queued => TryExecuteTask(queued), task, preferLocal: false);
    }

    // Never inline: every task of this scheduler is counted and runs from its queue.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
