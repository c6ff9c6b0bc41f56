using PromiseJs.Internal;

namespace PromiseJs.Scheduling;

/// <summary>A loop timer: its clock's timer posts it to the loop, which fires it (and any timer due before it) as a macrotask.</summary>
internal sealed class TimerEntry(LoopCore loop, TimeProvider timeProvider, long due, long sequence, object callback) : Reaction, IDisposable
{
    public static readonly IComparer<TimerEntry> Comparer = Comparer<TimerEntry>.Create(static (x, y) =>
    {
        int byDue = x.Due.CompareTo(y.Due);
        return byDue != 0 ? byDue : x._sequence.CompareTo(y._sequence);
    });

    private readonly long _sequence = sequence;
    private ITimer? _timer;

    public long Due { get; } = due;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public void Start(TimeSpan delay) =>
        _timer = TimeProvider.CreateTimer(static state => ((TimerEntry)state!).OnClock(), this, delay, Timeout.InfiniteTimeSpan);

    public void Cancel() => _timer?.Dispose();

    // The handle PromiseLoop.SetTimeout returns (clearTimeout): cancels the timer from any thread.
    void IDisposable.Dispose() => loop.CancelTimer(this);

        internal override void RunJob(Promise? source) => loop.FireTimersUpTo(this);

    public void Fire()
    {
        _timer?.Dispose();
        if (callback is Action action)
        {
            action();
        }
        else
        {
            ((Promise<VoidResult>)callback).TryFulfill(default);
        }
    }

    private void OnClock() => loop.PostJob(this, null);
}
