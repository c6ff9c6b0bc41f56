namespace PromiseJs.Tests.TestSupport;

/// <summary>A fake clock: time stands still until <see cref="Advance"/> moves it, which fires the due timers on the calling thread.</summary>
/// <remarks>
/// Timers fire in due order. Timers due at the same instant fire in creation order, or in reverse creation order when
/// <c>reverseTies</c> is set: real clocks race timers with equal due times, and the library must not depend on which
/// callback arrives first.
/// </remarks>
internal sealed class ManualTimeProvider(bool reverseTies = false) : TimeProvider
{
    private static readonly DateTimeOffset s_start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private long _now;
    private long _sequence;

    /// <summary>Gets the number of timers that are scheduled and not yet fired or disposed.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override DateTimeOffset GetUtcNow() => s_start.AddTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way (with the clock set to its due time).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_gate)
        {
            target = _now + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (ManualTimer timer in _timers)
                {
                    if (timer.Due <= target && (next is null || IsEarlier(timer, next)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = Math.Max(_now, next.Due);
                if (next.Period is { } period)
                {
                    next.Due += Math.Max(period, 1);
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Invoke();
        }
    }

    private bool IsEarlier(ManualTimer candidate, ManualTimer best)
    {
        if (candidate.Due != best.Due)
        {
            return candidate.Due < best.Due;
        }

        return reverseTies ? candidate.Sequence > best.Sequence : candidate.Sequence < best.Sequence;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = _now + dueTime.Ticks;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period.Ticks;
            timer.Sequence = _sequence++;
            _timers.Add(timer);
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public long Due { get; set; }

        public long? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed))
            {
                return false;
            }

            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Invoke() => callback(state);

        public void Dispose()
        {
            Volatile.Write(ref _disposed, true);
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
