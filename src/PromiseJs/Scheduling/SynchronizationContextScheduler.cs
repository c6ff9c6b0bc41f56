using System.Runtime.CompilerServices;

namespace PromiseJs.Scheduling;

/// <summary>A scheduler that posts to a <see cref="SynchronizationContext"/>: one instance per context (see <see cref="For"/>),
/// so every handler bound for that context goes through one FIFO queue and keeps its order.</summary>
internal sealed class SynchronizationContextScheduler : PromiseScheduler
{
    private static readonly ConditionalWeakTable<SynchronizationContext, SynchronizationContextScheduler> s_instances = new();

    // The last context looked up on this thread and its scheduler: a thread that captures the same context again and again
    // (a UI thread) finds it without the table.
    [ThreadStatic]
    private static SynchronizationContextScheduler? t_last;

    private readonly SynchronizationContext _context;

    private SynchronizationContextScheduler(SynchronizationContext context)
    {
        _context = context;
    }

    /// <summary>Gets the scheduler of <paramref name="context"/>: a loop's own for a <see cref="PromiseLoop"/>'s context, else
    /// the one wrapper of that context, created on first use and kept while the context lives.</summary>
    public static PromiseScheduler For(SynchronizationContext context)
    {
        if (context is LoopSynchronizationContext loopContext)
        {
            return loopContext.Loop;
        }

        SynchronizationContextScheduler? last = t_last;
        if (last is not null && last._context == context)
        {
            return last;
        }

        return t_last = s_instances.GetValue(context, static context => new SynchronizationContextScheduler(context));
    }

    protected internal override void Post(SendOrPostCallback callback, object? state) => _context.Post(callback, state);

    internal override void OperationStarted() => _context.OperationStarted();

    internal override void OperationCompleted() => _context.OperationCompleted();
}
