using Microsoft.Extensions.Time.Testing;

namespace PromiseJs.Tests.Reliability;

/// <summary>A fake clock whose timers are faulty: each due timer invokes its callback twice (as a timer that races with its
/// own rescheduling might). Time moves only with <see cref="FakeTimeProvider.Advance"/>.</summary>
internal sealed class DoubleFiringTimeProvider : FakeTimeProvider
{
    private int _firings;

    /// <summary>Gets how many times a timer callback was invoked (twice per timer that came due).</summary>
    public int Firings => Volatile.Read(ref _firings);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _firings);
                callback(s);
                Interlocked.Increment(ref _firings);
                callback(s);
            },
            state,
            dueTime,
            period);
}
