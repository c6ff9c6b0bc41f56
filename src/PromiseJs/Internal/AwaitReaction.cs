using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>An <c>await</c> continuation waiting for a promise: queued on the captured scheduler (a loop microtask, like V8's
/// await), posted to the captured context, or — with no context or with <c>ConfigureAwait(false)</c> — run on the thread pool.</summary>
internal sealed class AwaitReaction(Action continuation, PromiseScheduler? scheduler, ExecutionContext? executionContext)
    : Reaction, IThreadPoolWorkItem
{
    internal override void OnSourceSettled(Promise source)
    {
        if (scheduler is null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            JobScheduler.Enqueue(scheduler, this, source);
        }
    }

    internal override void RunJob(Promise? source) => Run();

    void IThreadPoolWorkItem.Execute() => Run();

    private void Run()
    {
        if (executionContext is null)
        {
            continuation();
        }
        else
        {
            ExecutionContext.Run(executionContext, static state => ((Action)state!)(), continuation);
        }
    }
}
