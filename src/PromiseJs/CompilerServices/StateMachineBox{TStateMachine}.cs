using System.Runtime.CompilerServices;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.CompilerServices;

/// <summary>The heap copy of an <c>async Promise</c> method's state machine, made at its first real await. An await of a
/// promise attaches the box itself as the reaction, queued as the resumption job (no delegate, no continuation object per
/// await); other awaiters get <see cref="MoveNextAction"/>, made on first use.</summary>
internal sealed class StateMachineBox<TStateMachine> : Reaction, IThreadPoolWorkItem
    where TStateMachine : IAsyncStateMachine
{
    private Action? _moveNextAction;

    // Where the pending promise await resumes: a JobScheduler scheduler, or null for a thread-pool work item.
    private PromiseScheduler? _scheduler;

    public TStateMachine StateMachine = default!;

    // The ExecutionContext to resume in (captured at each await, so the promise context flows across awaits).
    public ExecutionContext? Context { get; set; }

    public Action MoveNextAction => _moveNextAction ??= MoveNext;

    // Resumes the method when promise settles, where an await with these options resumes.
    public void AwaitPromise(Promise promise, ConfigureAwaitOptions options)
    {
        _scheduler = Promise.AwaitScheduler(options);
        promise.AddReaction(this);
    }

    internal override void OnSourceSettled(Promise source)
    {
        if (_scheduler is null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            JobScheduler.Enqueue(_scheduler, this, source);
        }
    }

    internal override void RunJob(Promise? source) => MoveNext();

    void IThreadPoolWorkItem.Execute() => MoveNext();

    // Resumes in the captured ExecutionContext (it carries the method's node as current), switching only if it differs.
    private void MoveNext()
    {
        if (CurrentNodeScope.NeedsRun(Context))
        {
            ExecutionContext.Run(Context!, static box => ((StateMachineBox<TStateMachine>)box!).StateMachine.MoveNext(), this);
            return;
        }

        using (CurrentNodeScope.Enter(Context, null))
        {
            StateMachine.MoveNext();
        }
    }
}
