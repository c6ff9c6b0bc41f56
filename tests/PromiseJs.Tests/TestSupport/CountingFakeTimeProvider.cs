using Microsoft.Extensions.Time.Testing;

namespace PromiseJs.Tests.TestSupport;

/// <summary>A <see cref="FakeTimeProvider"/> that also counts its armed timers (scheduled, not yet fired, not disposed), so a
/// test can check that the library lets go of its timers; time and firing are FakeTimeProvider's own.</summary>
/// <remarks>
/// FakeTimeProvider fires timers due at the same instant in creation order. Real clocks race such timers, and the library
/// must not depend on which callback arrives first: with <c>reverseTies</c> set, each timer is armed one tick earlier than
/// the one created before it, so equal delays reach the library in reverse creation order (still within the same
/// <see cref="FakeTimeProvider.Advance"/>).
/// </remarks>
internal sealed class CountingFakeTimeProvider(bool reverseTies = false) : FakeTimeProvider
{
    private int _armed;
    private long _created;

    /// <summary>Gets the number of timers that are scheduled and not yet fired or disposed.</summary>
    public int ActiveTimerCount => Volatile.Read(ref _armed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        long earlierBy = reverseTies ? Interlocked.Increment(ref _created) - 1 : 0;
        var timer = new CountedTimer(this, callback, state, TimeSpan.FromTicks(earlierBy));
        timer.Change(dueTime, period);
        return timer;
    }

    private ITimer CreateInnerTimer(TimerCallback callback, object? state) =>
        base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private sealed class CountedTimer : ITimer
    {
        private readonly CountingFakeTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly TimeSpan _earlierBy;
        private readonly ITimer _inner;
        private bool _armed;
        private bool _periodic;
        private bool _disposed;

        public CountedTimer(CountingFakeTimeProvider owner, TimerCallback callback, object? state, TimeSpan earlierBy)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
            _earlierBy = earlierBy;
            _inner = owner.CreateInnerTimer(static self => ((CountedTimer)self!).OnFire(), this);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (this)
            {
                if (_disposed)
                {
                    return false;
                }

                SetArmed(dueTime != Timeout.InfiniteTimeSpan);
                _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            }

            TimeSpan due = dueTime == Timeout.InfiniteTimeSpan || dueTime <= _earlierBy ? dueTime : dueTime - _earlierBy;
            return _inner.Change(due, period);
        }

        public void Dispose()
        {
            lock (this)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                SetArmed(false);
            }

            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void OnFire()
        {
            lock (this)
            {
                if (!_periodic)
                {
                    SetArmed(false);
                }
            }

            _callback(_state);
        }

        private void SetArmed(bool armed)
        {
            if (armed != _armed)
            {
                _armed = armed;
                Interlocked.Add(ref _owner._armed, armed ? 1 : -1);
            }
        }
    }
}
