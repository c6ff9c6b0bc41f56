namespace PromiseJs.Scheduling;

/// <summary>A scheduler that starts its callbacks as tasks on a <see cref="TaskScheduler"/>.</summary>
internal sealed class TaskSchedulerScheduler(TaskScheduler scheduler) : PromiseScheduler
{
    protected internal override void Post(SendOrPostCallback callback, object? state) =>
        Task.Factory.StartNew(
            static s => { var (callback, state) = ((SendOrPostCallback, object?))s!; callback(state); },
            (callback, state),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            scheduler);
}
