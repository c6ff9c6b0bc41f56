namespace PromiseJs.Internal;

/// <summary>Completes the task <c>ToTask()</c> returned when the promise settles; a reason that is an
/// <see cref="OperationCanceledException"/> cancels the task, any other faults it.</summary>
internal sealed class TaskReaction<T> : Reaction
{
    private readonly TaskCompletionSource<T> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _source.Task;

    internal override void OnSourceSettled(Promise source)
    {
        if (source.IsFulfilled)
        {
            _source.TrySetResult(Promise<T>.ValueOf(source));
        }
        else if (source.RejectionInfo.SourceException is OperationCanceledException canceled)
        {
            _source.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _source.TrySetException(source.RejectionInfo.SourceException);
        }
    }
}
