namespace PromiseJs.Scheduling;

/// <summary>A scheduler that posts to a <see cref="SynchronizationContext"/>.</summary>
internal sealed class SynchronizationContextScheduler(SynchronizationContext context) : PromiseScheduler
{
    protected internal override void Post(SendOrPostCallback callback, object? state) => context.Post(callback, state);

    internal override void OperationStarted() => context.OperationStarted();

    internal override void OperationCompleted() => context.OperationCompleted();
}
