using PromiseJs.Context;
using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>Where a reaction runs and the <see cref="System.Threading.ExecutionContext"/> it runs in, captured when it is
/// attached. Immutable and shared: consecutive reactions attached in the same place and context reuse one instance, so
/// capturing it allocates nothing in steady state.</summary>
internal sealed class ReactionContext(PromiseScheduler scheduler, ExecutionContext? executionContext)
{
    [ThreadStatic]
    private static ReactionContext? t_last;

    public PromiseScheduler Scheduler { get; } = scheduler;

    // null when flow was suppressed: the job then runs in whatever context its thread has.
    public ExecutionContext? ExecutionContext { get; } = executionContext;

    // The SynchronizationContext current when this was captured outside a loop (part of the cache key).
    private SynchronizationContext? _synchronizationContext;

    public static ReactionContext Capture()
    {
        ExecutionContext? executionContext = System.Threading.ExecutionContext.Capture();
        if (LoopCore.Current is { } loop)
        {
            // Inside a loop the cache lives on the loop: one thread-static read fewer on the hottest path. The promise context
            // (an AsyncLocal) is part of the ExecutionContext, so the same ExecutionContext means the same decision.
            ReactionContext? cached = loop.LastReactionContext;
            if (cached is not null && cached.ExecutionContext == executionContext)
            {
                return cached;
            }

            PromiseScheduler loopScheduler = AmbientStack.CurrentScheduler ?? loop;
            return loop.LastReactionContext = new ReactionContext(loopScheduler, executionContext);
        }

        SynchronizationContext? synchronizationContext = SynchronizationContext.Current;
        ReactionContext? last = t_last;
        if (last is not null && last._synchronizationContext == synchronizationContext && last.ExecutionContext == executionContext)
        {
            return last;
        }

        PromiseScheduler scheduler = AmbientStack.CurrentScheduler ?? JobScheduler.CaptureAmbient(synchronizationContext);
        return t_last = new ReactionContext(scheduler, executionContext) { _synchronizationContext = synchronizationContext };
    }
}
