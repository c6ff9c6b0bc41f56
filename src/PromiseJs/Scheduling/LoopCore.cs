using PromiseJs.Internal;

namespace PromiseJs.Scheduling;

/// <summary>
/// The engine of <see cref="PromiseLoop"/>: one FIFO microtask queue (owned by the loop thread, no locks), drained completely
/// before each macrotask; the cross-thread inbox for posted work and work from other threads (<see cref="LoopInbox"/>);
/// its timers (<see cref="LoopTimers"/>); and the unhandled-rejection checkpoint. One instance per thread is reused by
/// every <c>PromiseLoop.Run</c> on that thread, so entering and leaving a loop allocates nothing.
/// </summary>
internal sealed class LoopCore : PromiseScheduler
{
    [ThreadStatic]
    private static LoopCore? t_current;

    [ThreadStatic]
    private static LoopCore? t_cache;

    private readonly JobQueue _microtasks = new();

    // Posted work and jobs from other threads, and the loop's wait for them.
    private readonly LoopInbox _inbox = new();

    // The loop's timers (and each clock's "now" for the current turn); owned by the loop's thread.
    private readonly LoopTimers _timers = new();

    // Rejections that had no handler when they happened, reported at the next checkpoint unless handled by then. A drain
    // can last as long as the program only ever awaits, so at _compactRejectionsAt the handled ones are dropped early:
    // the list stays within twice the unhandled ones instead of growing with every rejection handled meanwhile.
    private List<RejectionTracker>? _pendingRejections;
    private int _compactRejectionsAt = MinRejectionsBeforeCompaction;
    private const int MinRejectionsBeforeCompaction = 1024;
    private int _outstanding;
    private MainWatcher? _mainWatcher;
    private Promise? _main;

    private LoopCore()
    {
        SynchronizationContext = new LoopSynchronizationContext(this);
    }

    /// <summary>Gets the loop running on this thread, if any.</summary>
    public static LoopCore? Current => t_current;

    public LoopSynchronizationContext SynchronizationContext { get; }

    /// <summary>Gets or sets the context the last reaction attached on this loop captured (see <see cref="ReactionContext.Capture"/>).</summary>
    public ReactionContext? LastReactionContext { get; set; }

    /// <summary>Makes this thread's loop current and installs its synchronization context.</summary>
    public static LoopCore Enter(out SynchronizationContext? previousContext)
    {
        if (t_current is not null)
        {
            throw new InvalidOperationException(
                "PromiseLoop.Run was called on a thread that is already running a PromiseLoop; loops do not nest. " +
                "Inside a loop, await the promise or attach Then instead.");
        }

        LoopCore loop = t_cache ??= new LoopCore();
        loop._inbox.Open();

        previousContext = System.Threading.SynchronizationContext.Current;
        System.Threading.SynchronizationContext.SetSynchronizationContext(loop.SynchronizationContext);
        t_current = loop;
        return loop;
    }

    /// <summary>Leaves the loop: restores the synchronization context and drops whatever is left (after an exception).</summary>
    public void Exit(SynchronizationContext? previousContext)
    {
        t_current = null;
        System.Threading.SynchronizationContext.SetSynchronizationContext(previousContext);
        _inbox.Close(this);
        if (_microtasks.Count > 0)
        {
            _microtasks.Clear();
        }

        _timers.Clear();
        _pendingRejections?.Clear();
        _mainWatcher = null;
        _main = null;
        if (Volatile.Read(ref _outstanding) != 0)
        {
            // Left by an exception while adopted tasks were still running: they will still report to this instance,
            // so the next Run on this thread starts from a fresh one.
            t_cache = null;
        }
    }

    internal override void Enqueue(Promise job, Promise? source)
    {
        if (t_current == this)
        {
            if (_inbox.HasIncoming)
            {
                // Jobs another thread queued before this one go first.
                _inbox.MoveIncomingTo(_microtasks);
            }

            _microtasks.Enqueue(new Job(job, source));
        }
        else
        {
            _inbox.PostMicrotask(job, source, this);
        }
    }

    /// <summary>Gets whether this loop runs on the calling thread and has no microtask queued.</summary>
    public bool IsIdleOnThisThread => _microtasks.Count == 0 && t_current == this;

    public void QueueMicrotask(Promise job) => _microtasks.Enqueue(new Job(job, null));

    /// <summary>Queues a macrotask from any thread; once the loop has ended, the job runs on the thread pool instead.</summary>
    public void PostJob(Promise job, Promise? source) => _inbox.PostMacrotask(job, source, this);

    /// <summary>Runs a callback as a macrotask on this loop (from any thread).</summary>
    protected internal override void Post(SendOrPostCallback callback, object? state) => PostJob(new CallbackReaction(callback, state), null);

    /// <summary>Runs independent work (a synchronous <c>Promise.Run</c> function) as a macrotask on this loop.</summary>
    internal override void Execute(Promise work) => PostJob(work, null);

    internal override void OperationStarted() => Interlocked.Increment(ref _outstanding);

    internal override void OperationCompleted()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            Wake();
        }
    }

    public void TrackRejection(RejectionTracker tracker)
    {
        List<RejectionTracker> pending = _pendingRejections ??= [];
        if (pending.Count >= _compactRejectionsAt)
        {
            pending.RemoveAll(static tracker => tracker.IsHandled);
            _compactRejectionsAt = Math.Max(MinRejectionsBeforeCompaction, pending.Count * 2);
        }

        pending.Add(tracker);
    }

    /// <summary>Runs the loop until <paramref name="main"/> has settled and no queued work, timer or pending operation is left.</summary>
    public void RunUntilSettled(Promise main, CancellationToken cancellationToken)
    {
        // Run observes main's outcome (it returns the value or throws the reason): never an unhandled rejection.
        _main = main;

        // Registering on a token that cannot be cancelled allocates nothing. The token is checked between jobs only (never
        // inside the microtask drain), so a loop without one pays a null check per macrotask.
        using CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(static loop => ((LoopCore)loop!).Wake(), this);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DrainMicrotasks();
            if (TryRunMacrotask())
            {
                continue;
            }

            if (main.IsSettled && _timers.Count == 0 && Volatile.Read(ref _outstanding) == 0)
            {
                if (!_inbox.HasPosted && !_inbox.HasIncoming)
                {
                    return;
                }

                continue;
            }

            WaitForWork(main);
        }
    }

    /// <summary>Runs every microtask, including those queued meanwhile, then reports rejections nobody handled (node's checkpoint).</summary>
    public void DrainMicrotasks()
    {
        JobQueue microtasks = _microtasks;
        do
        {
            if (_inbox.HasIncoming)
            {
                _inbox.MoveIncomingTo(microtasks);
            }

            while (microtasks.Count > 0)
            {
                microtasks.Dequeue().Run();
                if (microtasks.Count == 0 && _inbox.HasIncoming)
                {
                    _inbox.MoveIncomingTo(microtasks);
                }
            }

            if (_pendingRejections is { Count: > 0 } pending)
            {
                RejectionTracker[] trackers = [.. pending];
                pending.Clear();
                foreach (RejectionTracker tracker in trackers)
                {
                    if (tracker.Promise == _main)
                    {
                        _main.MarkHandled();
                    }
                    else
                    {
                        tracker.ReportIfUnhandled();
                    }
                }
            }
        }
        while (microtasks.Count > 0 || _inbox.HasIncoming);
    }

    private bool TryRunMacrotask()
    {
        if (!_inbox.TryTakeMacrotask(out Job job))
        {
            return false;
        }

        _timers.StartTurn();
        job.Run();
        return true;
    }

    private void WaitForWork(Promise main)
    {
        if (!main.IsSettled && _mainWatcher is null)
        {
            // Settled on another thread, main queues nothing on this loop: the watcher wakes the loop instead.
            _mainWatcher = new MainWatcher(this);
            main.AddReaction(_mainWatcher);
        }

        _inbox.WaitForWork();
    }

    private void Wake() => _inbox.Wake();

    // ----- timers -----

    /// <summary>Adds a timer that runs <paramref name="callback"/> as a macrotask after <paramref name="delay"/>.</summary>
    public TimerEntry AddTimer(TimeSpan delay, TimeProvider timeProvider, object callback) =>
        _timers.Add(this, delay, timeProvider, callback);

    /// <summary>Cancels a timer from any thread: it never fires, and the loop no longer waits for it.</summary>
    public void CancelTimer(TimerEntry entry)
    {
        if (t_current == this)
        {
            _timers.Remove(entry);
            entry.Cancel();
        }
        else
        {
            // The timer list belongs to the loop's thread: remove the entry there. If the loop has ended meanwhile (it
            // cancelled its timers then), this runs on the thread pool and only stops the clock's timer.
            PostJob(new TimerRemoval(this, entry), null);
        }
    }

    // A timer's clock callback arrived: fire, in (due, sequence) order, every timer of that clock due no later than it,
    // so that timers whose clock callbacks raced each other still fire in the order JavaScript promises.
    public void FireTimersUpTo(TimerEntry signalled)
    {
        while (_timers.TakeNextDueBy(signalled) is { } next)
        {
            next.Fire();
            DrainMicrotasks();
        }
    }

    private sealed class TimerRemoval(LoopCore loop, TimerEntry entry) : Reaction
    {
        internal override void RunJob(Promise? source)
        {
            if (t_current == loop)
            {
                loop._timers.Remove(entry);
            }

            entry.Cancel();
        }
    }

    private sealed class CallbackReaction(SendOrPostCallback callback, object? state) : Reaction
    {
        internal override void RunJob(Promise? source) => callback(state);
    }

    private sealed class MainWatcher(LoopCore loop) : Reaction
    {
        internal override void OnSourceSettled(Promise source) => loop.Wake();
    }
}
