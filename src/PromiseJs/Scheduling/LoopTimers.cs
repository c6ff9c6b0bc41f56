namespace PromiseJs.Scheduling;

/// <summary>
/// The timers of one <see cref="LoopCore"/>, owned by the loop's thread: kept by (due, sequence) so equal delays fire in
/// creation order, and measured from each clock's "now" as first read in the current turn (node's cached <c>uv_now</c>).
/// </summary>
internal sealed class LoopTimers
{
    // Timers by (due, sequence), so equal delays fire in creation order.
    private readonly List<TimerEntry> _timers = [];

    // Each clock's "now" as first read in this turn: every timer created in one turn is measured from it, as node measures
    // every timer of a loop iteration from its cached uv_now, so a 10 ms and then a 5 ms timer fire 5-before-10 however
    // long the code between the two calls ran. A turn is main's run or one macrotask, with the microtasks drained after it.
    private readonly List<(TimeProvider Clock, long Timestamp)> _turnNow = [];
    private long _sequence;

    /// <summary>Gets how many timers wait (the loop does not end while any does).</summary>
    public int Count => _timers.Count;

    /// <summary>Adds a timer of <paramref name="loop"/> that runs <paramref name="callback"/> as a macrotask after
    /// <paramref name="delay"/>, and arms its clock's timer.</summary>
    public TimerEntry Add(LoopCore loop, TimeSpan delay, TimeProvider timeProvider, object callback)
    {
        // Like node, a delay under one millisecond counts as one, so setTimeout(0) and setTimeout(1) fire in creation order.
        if (delay < TimeSpan.FromMilliseconds(1))
        {
            delay = TimeSpan.FromMilliseconds(1);
        }

        long due = TurnTimestamp(timeProvider) + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);
        var entry = new TimerEntry(loop, timeProvider, due, _sequence++, callback);
        int index = _timers.BinarySearch(entry, TimerEntry.Comparer);
        _timers.Insert(index < 0 ? ~index : index, entry);

        // The clock's timer only wakes the loop: armed for what is left until the due time (which the turn's cached "now"
        // may have brought closer), it fires every timer due by then in (due, sequence) order.
        TimeSpan left = timeProvider.GetElapsedTime(timeProvider.GetTimestamp(), due);
        entry.Start(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        return entry;
    }

    /// <summary>Begins a turn: the next timer created reads its clock's "now" afresh.</summary>
    public void StartTurn()
    {
        if (_turnNow.Count != 0)
        {
            _turnNow.Clear();
        }
    }

    /// <summary>Forgets a timer (cancelled, or about to fire).</summary>
    public void Remove(TimerEntry entry) => _timers.Remove(entry);

    /// <summary>Takes out the first timer, in (due, sequence) order, of <paramref name="signalled"/>'s clock that is due no
    /// later than it; <see langword="null"/> when none is left.</summary>
    public TimerEntry? TakeNextDueBy(TimerEntry signalled)
    {
        foreach (TimerEntry candidate in _timers)
        {
            if (candidate.Due > signalled.Due)
            {
                return null;
            }

            if (candidate.TimeProvider == signalled.TimeProvider)
            {
                _timers.Remove(candidate);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Cancels every timer and forgets the turn (the loop is ending).</summary>
    public void Clear()
    {
        if (_timers.Count > 0)
        {
            foreach (TimerEntry timer in _timers)
            {
                timer.Cancel();
            }

            _timers.Clear();
        }

        StartTurn();
    }

    private long TurnTimestamp(TimeProvider timeProvider)
    {
        foreach ((TimeProvider clock, long timestamp) in _turnNow)
        {
            if (clock == timeProvider)
            {
                return timestamp;
            }
        }

        long now = timeProvider.GetTimestamp();
        _turnNow.Add((timeProvider, now));
        return now;
    }
}
