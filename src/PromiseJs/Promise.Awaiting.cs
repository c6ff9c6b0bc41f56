using System.Diagnostics;
using PromiseJs.CompilerServices;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Gets an awaiter, so the promise can be awaited; a rejection is rethrown as the original exception.</summary>
    /// <returns>An awaiter for this promise; <c>await</c> finishes when it settles, and throws its reason if it
    /// rejected.</returns>
    /// <remarks>Like <see cref="Task"/>, the continuation resumes on the captured <see cref="SynchronizationContext"/> (inside
    /// <see cref="PromiseLoop"/>: as a microtask on the loop). Unlike <see cref="Task"/>, inside a loop <c>await</c> always
    /// yields once, even for a settled promise, as JavaScript does.</remarks>
    public PromiseAwaiter GetAwaiter() => new(this, ConfigureAwaitOptions.ContinueOnCapturedContext);

    /// <summary>Configures how an <c>await</c> of this promise resumes.</summary>
    /// <param name="continueOnCapturedContext"><see langword="true"/> to resume on the captured context (the loop, or the
    /// current <see cref="SynchronizationContext"/>); <see langword="false"/> to resume on the thread pool.</param>
    /// <returns>An awaitable whose <c>await</c> waits for this promise and resumes as
    /// <paramref name="continueOnCapturedContext"/> says.</returns>
    public ConfiguredPromiseAwaitable ConfigureAwait(bool continueOnCapturedContext) =>
        new(this, continueOnCapturedContext ? ConfigureAwaitOptions.ContinueOnCapturedContext : ConfigureAwaitOptions.None);

    /// <summary>Configures how an <c>await</c> of this promise resumes and ends, as <see cref="Task.ConfigureAwait(ConfigureAwaitOptions)"/> does.</summary>
    /// <param name="options"><see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/> resumes on the captured context
    /// (the loop, or the current <see cref="SynchronizationContext"/>), otherwise on the thread pool;
    /// <see cref="ConfigureAwaitOptions.SuppressThrowing"/> ends the await without rethrowing a rejection (the rejection then
    /// counts as handled); <see cref="ConfigureAwaitOptions.ForceYielding"/> suspends even when the promise has already settled.</param>
    /// <returns>An awaitable of the promise with those options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds a flag that is not defined.</exception>
    public ConfiguredPromiseAwaitable ConfigureAwait(ConfigureAwaitOptions options)
    {
        CheckAwaitOptions(options);
        return new(this, options);
    }

    private protected static void CheckAwaitOptions(ConfigureAwaitOptions options)
    {
        const ConfigureAwaitOptions Defined =
            ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding;
        if ((options & ~Defined) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options, "The options hold a flag ConfigureAwaitOptions does not define.");
        }
    }

    /// <summary>Blocks until the promise settles; rethrows the rejection reason with its original stack trace.</summary>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending:
    /// the loop could never run the work that settles it.</exception>
    public void Wait() => Wait(Timeout.InfiniteTimeSpan, CancellationToken.None);

    /// <summary>Blocks until the promise settles or <paramref name="timeout"/> passes; rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <exception cref="TimeoutException">The promise did not settle in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending.</exception>
    public void Wait(TimeSpan timeout) => Wait(timeout, CancellationToken.None);

    /// <summary>Blocks until the promise settles, <paramref name="timeout"/> passes or the wait is cancelled; rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <param name="cancellationToken">Stops the wait (not the promise) with an
    /// <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="TimeoutException">The promise did not settle in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending.</exception>
    public void Wait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        WaitForSettlement(timeout, cancellationToken);
        ThrowIfRejected();
    }

    /// <summary>Returns a task that completes as this promise settles: a reason that is an
    /// <see cref="OperationCanceledException"/> cancels the task, any other reason faults it.</summary>
    /// <returns>A task that completes successfully when this promise fulfills (already completed if it has), is
    /// cancelled when it rejects with an <see cref="OperationCanceledException"/>, and is faulted with the reason when
    /// it rejects with any other exception.</returns>
    public Task ToTask()
    {
        if (IsFulfilled)
        {
            return Task.CompletedTask;
        }

        var reaction = new TaskReaction<VoidResult>();
        AddReaction(reaction);
        return reaction.Task;
    }

    /// <summary>Blocks until the promise settles or <paramref name="timeout"/> passes; rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> only looks (and never blocks, also on a loop
    /// thread); <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <returns><see langword="true"/> if the promise fulfilled in time; <see langword="false"/> if it is still pending.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called with a non-zero timeout on a <see cref="PromiseLoop"/> thread while
    /// the promise is pending: the loop could never run the work that settles it.</exception>
    public bool TryWait(TimeSpan timeout) => TryWait(timeout, CancellationToken.None);

    /// <summary>Blocks until the promise settles, <paramref name="timeout"/> passes or the wait is cancelled; rethrows the
    /// rejection reason.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> only looks (and never blocks, also on a loop
    /// thread); <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Stops the wait (not the work behind the promise).</param>
    /// <returns><see langword="true"/> if the promise fulfilled in time; <see langword="false"/> if it is still pending.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called with a non-zero timeout on a <see cref="PromiseLoop"/> thread while
    /// the promise is pending.</exception>
    public bool TryWait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!TryWaitForSettlement(timeout, cancellationToken))
        {
            return false;
        }

        ThrowIfRejected();
        return true;
    }

    /// <summary>Returns a <see cref="ValueTask"/> that completes as this promise settles; completed at once, without allocating,
    /// when the promise has already fulfilled.</summary>
    /// <returns>A value task: a reason that is an <see cref="OperationCanceledException"/> cancels it, any other reason faults it.</returns>
    public ValueTask ToValueTask() => IsFulfilled ? default : new ValueTask(ToTask());

    /// <summary>Returns a promise that settles as this one does, or rejects with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled (<see cref="Task.WaitAsync(CancellationToken)"/>'s counterpart).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A new promise; its outcome arrives one tick after this promise settles, as with <c>Promise.Race</c>.</returns>
    /// <remarks>It stops waiting, not the work behind this promise, which stays handled: its later rejection is not reported.
    /// The same as <see cref="PromiseExtensions.Timeout(Promise, TimeSpan, TimeProvider, CancellationToken)"/> with an
    /// infinite timeout.</remarks>
    public Promise WaitAsync(CancellationToken cancellationToken) =>
        WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as this one does, or rejects with <see cref="TimeoutException"/> if this one is
    /// still pending after <paramref name="timeout"/> (<see cref="Task.WaitAsync(TimeSpan)"/>'s counterpart).</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <returns>A new promise; its outcome arrives one tick after this promise settles, as with <c>Promise.Race</c>.</returns>
    /// <remarks>It stops waiting, not the work behind this promise, which stays handled: its later rejection is not reported.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than a timer can wait (about 49.7 days).</exception>
    public Promise WaitAsync(TimeSpan timeout) => WaitAsync(timeout, TimeProvider.System, CancellationToken.None);

    /// <summary>Returns a promise that settles as this one does, or rejects with <see cref="TimeoutException"/> if this one is
    /// still pending after <paramref name="timeout"/>, or with <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A new promise; its outcome arrives one tick after this promise settles, as with <c>Promise.Race</c>.</returns>
    /// <remarks>It stops waiting, not the work behind this promise, which stays handled: its later rejection is not reported.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than a timer can wait (about 49.7 days).</exception>
    public Promise WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(timeout, TimeProvider.System, cancellationToken);

    /// <summary>Returns a promise that settles as this one does, or rejects with <see cref="TimeoutException"/> if this one is
    /// still pending after <paramref name="timeout"/> as measured by <paramref name="timeProvider"/>.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/>.</param>
    /// <returns>A new promise; its outcome arrives one tick after this promise settles, as with <c>Promise.Race</c>.</returns>
    /// <remarks>It stops waiting, not the work behind this promise, which stays handled: its later rejection is not reported.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than a timer can wait (about 49.7 days).</exception>
    public Promise WaitAsync(TimeSpan timeout, TimeProvider timeProvider) => WaitAsync(timeout, timeProvider, CancellationToken.None);

    /// <summary>Returns a promise that settles as this one does, or rejects with <see cref="TimeoutException"/> if this one is
    /// still pending after <paramref name="timeout"/> as measured by <paramref name="timeProvider"/>, or with
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A new promise; its outcome arrives one tick after this promise settles, as with <c>Promise.Race</c>.</returns>
    /// <remarks>It stops waiting, not the work behind this promise, which stays handled: its later rejection is not reported.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than a timer can wait (about 49.7 days).</exception>
    public Promise WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        this.Timeout(timeout, timeProvider, cancellationToken);

    internal void WaitForSettlement(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!TryWaitForSettlement(timeout, cancellationToken))
        {
            throw new TimeoutException($"The promise did not settle within {timeout}.");
        }
    }

    // Blocks until settled; false when the timeout passed first. A zero timeout only looks, so it is allowed on a loop thread.
    internal bool TryWaitForSettlement(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TimeSpanChecks.WaitTimeout(timeout, nameof(timeout));

        if (IsSettled)
        {
            return true;
        }

        if (timeout == TimeSpan.Zero)
        {
            return false;
        }

        if (LoopCore.Current is not null)
        {
            throw new InvalidOperationException(
                "Wait was called on a PromiseLoop thread while the promise is still pending: the loop cannot run the work " +
                "that settles it while its own thread is blocked, so this would deadlock. Use await or Then inside the loop.");
        }

        if (SpinUntilSettled())
        {
            return true;
        }

        // A handler blocking on its promise's thread-pool queue hands the queue on, so the jobs it waits for can still run.
        SerialJobQueue.ReleaseCurrentDrainer();
        var waiter = new WaitReaction();
        AddReaction(waiter);
        bool signalled = false;
        try
        {
            signalled = waiter.WaitSignal(timeout, cancellationToken);
            return signalled;
        }
        finally
        {
            if (!signalled)
            {
                // Timed out or cancelled: a promise that never settles must not keep collecting waiters.
                RemoveReaction(waiter);
            }
        }
    }

    // Spins briefly for a promise another core is about to settle, as Task.Wait does before it blocks (the same count as
    // its SpinWait.SpinCountforSpinBeforeWait): work that ends within microseconds then costs no waiter, no event and no
    // wake-up. Never sleeps or yields while spinning, and does not spin at all on one core (nothing could settle it then).
    private bool SpinUntilSettled()
    {
        const int SpinsBeforeBlocking = 35;
        if (Environment.ProcessorCount == 1)
        {
            return false;
        }

        var spinner = default(SpinWait);
        for (int i = 0; i < SpinsBeforeBlocking; i++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (IsSettled)
            {
                return true;
            }
        }

        return false;
    }

    internal bool IsCompletedForAwait(ConfigureAwaitOptions options) =>
        (options & ConfigureAwaitOptions.ForceYielding) == 0
        && IsSettled
        && !((options & ConfigureAwaitOptions.ContinueOnCapturedContext) != 0 && LoopCore.Current is not null);

    [StackTraceHidden]
    internal void GetResultForAwait(ConfigureAwaitOptions options)
    {
        if (!IsSettled)
        {
            WaitForSettlement(Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        if ((options & ConfigureAwaitOptions.SuppressThrowing) != 0)
        {
            // The await saw the outcome, so a rejection counts as handled even though it is not rethrown.
            MarkHandled();
            return;
        }

        ThrowIfRejected();
    }

    internal void AwaitOnCompleted(Action continuation, ConfigureAwaitOptions options, bool flowExecutionContext)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        AddReaction(new AwaitReaction(continuation, AwaitScheduler(options), flowExecutionContext ? ExecutionContext.Capture() : null));
    }

    // Where an await with these options resumes: a scheduler, or null for a thread-pool work item.
    internal static PromiseScheduler? AwaitScheduler(ConfigureAwaitOptions options)
    {
        if ((options & ConfigureAwaitOptions.ContinueOnCapturedContext) == 0)
        {
            return null;
        }

        PromiseScheduler scheduler = JobScheduler.Capture();

        // No context to return to: resume on the thread pool directly, in parallel, as Task does.
        return scheduler == ThreadPoolJobScheduler.Instance ? null : scheduler;
    }
}
