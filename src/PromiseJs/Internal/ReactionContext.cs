using PromiseJs.Scheduling;

namespace PromiseJs.Internal;

/// <summary>Where a reaction runs and the <see cref="System.Threading.ExecutionContext"/> it runs in, captured when it is
/// attached. Immutable and shared: consecutive reactions attached in the same place and context reuse one instance, so
/// capturing it allocates nothing in steady state.</summary>
internal sealed class ReactionContext(object scheduler, ExecutionContext? executionContext)
{
    [ThreadStatic]
    private static ReactionContext? t_last;

    // A JobScheduler or a SynchronizationContext.
    public object Scheduler { get; } = scheduler;

    // null when flow was suppressed: the job then runs in whatever context its thread has.
    public ExecutionContext? ExecutionContext { get; } = executionContext;

    public static ReactionContext Capture()
    {
        ExecutionContext? executionContext = System.Threading.ExecutionContext.Capture();
        if (LoopCore.Current is { } loop)
        {
            // Inside a loop the cache lives on the loop: one thread-static read fewer on the hottest path.
            ReactionContext? cached = loop.LastReactionContext;
            if (cached is not null && cached.ExecutionContext == executionContext)
            {
                return cached;
            }

            return loop.LastReactionContext = new ReactionContext(loop, executionContext);
        }

        object scheduler = JobScheduler.Capture();
        ReactionContext? last = t_last;
        if (last is not null && last.Scheduler == scheduler && last.ExecutionContext == executionContext)
        {
            return last;
        }

        return t_last = new ReactionContext(scheduler, executionContext);
    }
}
