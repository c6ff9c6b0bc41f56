using System.Reactive.Concurrency;
using PromiseJs.Context;

namespace PromiseJs.Reactive.Tests.TestSupport;

/// <summary>One virtual clock for Rx and promises: a <see cref="HistoricalScheduler"/>, and a promise context whose handlers
/// and work run on it (through <see cref="PromiseSchedulerExtensions.ToPromiseScheduler"/>). Nothing runs until the clock
/// is advanced.</summary>
internal sealed class VirtualTime : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public VirtualTime()
    {
        Scheduler = new HistoricalScheduler(s_start);
        Context = new PromiseContext(new PromiseContextOptions { Name = "virtual time", Scheduler = Scheduler.ToPromiseScheduler() });
    }

    public HistoricalScheduler Scheduler { get; }

    public PromiseContext Context { get; }

    /// <summary>Gets the virtual time elapsed since the start.</summary>
    public TimeSpan Elapsed => Scheduler.Now - s_start;

    /// <summary>Runs <paramref name="action"/> inside the context: the promise handlers it attaches run on the virtual clock.</summary>
    public void Run(Action action)
    {
        using (Context.Enter())
        {
            action();
        }
    }

    /// <summary>Runs <paramref name="action"/> inside the context and returns what it built.</summary>
    public TResult Run<TResult>(Func<TResult> action)
    {
        using (Context.Enter())
        {
            return action();
        }
    }

    /// <summary>Schedules <paramref name="action"/> at <paramref name="time"/> after the start.</summary>
    public void At(TimeSpan time, Action action) => Scheduler.Schedule(s_start + time, action);

    /// <inheritdoc cref="At(TimeSpan, Action)"/>
    public void At(int seconds, Action action) => At(TimeSpan.FromSeconds(seconds), action);

    /// <summary>Moves the clock to <paramref name="seconds"/> after the start, running everything due until then inside the
    /// context (Rx work does not carry the flow it was scheduled from, so handlers it attaches run on the clock too).</summary>
    public void AdvanceTo(double seconds)
    {
        using (Context.Enter())
        {
            Scheduler.AdvanceTo(s_start + TimeSpan.FromSeconds(seconds));
        }
    }

    public void Dispose() => Context.Complete();
}
