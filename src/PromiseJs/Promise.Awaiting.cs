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
    public PromiseAwaiter GetAwaiter() => new(this, continueOnCapturedContext: true);

    /// <summary>Configures how an <c>await</c> of this promise resumes.</summary>
    /// <param name="continueOnCapturedContext"><see langword="true"/> to resume on the captured context (the loop, or the
    /// current <see cref="SynchronizationContext"/>); <see langword="false"/> to resume on the thread pool.</param>
    /// <returns>An awaitable whose <c>await</c> waits for this promise and resumes as
    /// <paramref name="continueOnCapturedContext"/> says.</returns>
    public ConfiguredPromiseAwaitable ConfigureAwait(bool continueOnCapturedContext) => new(this, continueOnCapturedContext);

    /// <summary>Blocks until the promise settles; rethrows the rejection reason with its original stack trace.</summary>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending:
    /// the loop could never run the work that settles it.</exception>
    public void Wait() => Wait(Timeout.InfiniteTimeSpan, CancellationToken.None);

    /// <summary>Blocks until the promise settles or <paramref name="timeout"/> passes; rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <exception cref="TimeoutException">The promise did not settle in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while the promise is pending.</exception>
    public void Wait(TimeSpan timeout) => Wait(timeout, CancellationToken.None);

    /// <summary>Blocks until the promise settles, <paramref name="timeout"/> passes or the wait is cancelled; rethrows the rejection reason.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <param name="cancellationToken">Stops the wait (not the promise) with an
    /// <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="TimeoutException">The promise did not settle in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
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

    internal void WaitForSettlement(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be non-negative or Timeout.InfiniteTimeSpan.");
        }

        if (IsSettled)
        {
            return;
        }

        if (LoopCore.Current is not null)
        {
            throw new InvalidOperationException(
                "Wait was called on a PromiseLoop thread while the promise is still pending: the loop cannot run the work " +
                "that settles it while its own thread is blocked, so this would deadlock. Use await or Then inside the loop.");
        }

        // A handler blocking on the shared thread-pool queue hands the queue on, so the jobs it waits for can still run.
        SerialJobQueue.ReleaseCurrentDrainer();
        var waiter = new WaitReaction();
        AddReaction(waiter);
        if (!waiter.WaitSignal(timeout, cancellationToken))
        {
            throw new TimeoutException($"The promise did not settle within {timeout}.");
        }
    }

    internal bool IsCompletedForAwait(bool continueOnCapturedContext) =>
        IsSettled && !(continueOnCapturedContext && LoopCore.Current is not null);

    [StackTraceHidden]
    internal void GetResultForAwait()
    {
        if (!IsSettled)
        {
            WaitForSettlement(Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        ThrowIfRejected();
    }

    internal void AwaitOnCompleted(Action continuation, bool continueOnCapturedContext, bool flowExecutionContext)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        object? scheduler = null;
        if (continueOnCapturedContext)
        {
            scheduler = JobScheduler.Capture();
            if (scheduler == ThreadPoolJobScheduler.Instance)
            {
                // No context to return to: resume on the thread pool directly, in parallel, as Task does.
                scheduler = null;
            }
        }

        AddReaction(new AwaitReaction(continuation, scheduler, flowExecutionContext ? ExecutionContext.Capture() : null));
    }
}
