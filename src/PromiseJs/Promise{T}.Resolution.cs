using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs;

// The promise resolution procedure (Promises/A+ 2.3, ECMAScript's promise resolve functions) in one place: how a promise
// settles as a settled promise did, as a task completes, and as a foreign thenable resolves. Reactions (Then, Catch,
// Finally, Try, From, Resolve), work promises (Promise.Run, async methods) and the utility coordinators all settle through
// it; they differ only in what "settle" means for them, which they say by overriding OnResolvedFulfilled and
// OnResolvedRejected (a work promise also tells its tree node; a coordinator also cleans up; a reaction owns itself).
public partial class Promise<T>
{
    /// <summary>Gets the value of a fulfilled <paramref name="source"/> as a <typeparamref name="T"/>; for a value-less
    /// <typeparamref name="T"/> any fulfilled promise will do.</summary>
    internal static T ValueOf(Promise source) =>
        typeof(T) == typeof(VoidResult) ? default! : Unsafe.As<Promise<T>>(source)._value;

    /// <summary>Settles as the settled <paramref name="source"/> did.</summary>
    internal void SettleFrom(Promise source)
    {
        if (source.IsFulfilled)
        {
            OnResolvedFulfilled(ValueOf(source));
        }
        else
        {
            OnResolvedRejected(source.RejectionInfo);
        }
    }

    /// <summary>Settles as the completed <paramref name="task"/> did: with its result, its own exception (not an
    /// <see cref="AggregateException"/>), or a <see cref="TaskCanceledException"/>.</summary>
    internal void SettleFromTask(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            OnResolvedFulfilled(typeof(T) == typeof(VoidResult) || task is not Task<T> typed ? default! : typed.Result);
            return;
        }

        ExceptionDispatchInfo reason;
        try
        {
            // Rethrows the task's own exception, or a TaskCanceledException.
            task.GetAwaiter().GetResult();
            throw new System.Diagnostics.UnreachableException();
        }
        catch (Exception ex)
        {
            reason = ExceptionDispatchInfo.Capture(ex);
        }

        OnResolvedRejected(reason);
    }

    /// <summary>Settles once the pending <paramref name="task"/> completes, inline on the thread that completes it (as an
    /// async function's promise settles when the function returns): only this promise's reactions are queued then, where
    /// they belong. An await-style continuation would be sent to the thread pool whenever a SynchronizationContext, such
    /// as the loop's, is current.</summary>
    internal void AdoptTask(Task task) =>
        task.ContinueWith(
            static (task, state) => ((Promise<T>)state!).OnAdoptedTaskCompleted(task),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>Adopts one of our promises with JavaScript's two jobs on <paramref name="scheduler"/> (ECMAScript's
    /// NewPromiseResolveThenableJob subscribes to it; its reaction, once it has settled, settles this promise).</summary>
    internal void AdoptPromise(Promise source, PromiseScheduler scheduler) =>
        JobScheduler.Enqueue(scheduler, new PromiseAdopter(this, scheduler), source);

    /// <summary>Adopts a foreign thenable (Promises/A+ 2.3.3): its <c>Then</c> is called once, in a job on
    /// <paramref name="scheduler"/>, and only the first call of its callbacks counts.</summary>
    internal void AdoptThenable(IThenable<T> thenable, PromiseScheduler scheduler) =>
        JobScheduler.Enqueue(scheduler, new ThenableResolver(this, thenable), null);

    /// <summary>What settling with a resolved value means for this promise. The default fulfills a promise that only the
    /// resolution procedure settles (a reaction): first-wins when a foreign thenable or task resolves it.</summary>
    private protected virtual void OnResolvedFulfilled(T value)
    {
        if (Volatile.Read(ref _state) == StateAdoptForeign)
        {
            TryFulfill(value, StateAdoptForeign);
        }
        else
        {
            SetFulfilled(value);
        }
    }

    /// <summary>What settling with a resolved rejection means for this promise (see <see cref="OnResolvedFulfilled"/>).</summary>
    private protected virtual void OnResolvedRejected(ExceptionDispatchInfo reason)
    {
        if (Volatile.Read(ref _state) == StateAdoptForeign)
        {
            TryReject(reason, StateAdoptForeign);
        }
        else
        {
            SetRejected(reason);
        }
    }

    /// <summary>Called inline when a task adopted with <see cref="AdoptTask"/> completes.</summary>
    private protected virtual void OnAdoptedTaskCompleted(Task task) => SettleFromTask(task);

    // The two adoption jobs for a promise that cannot be its own job (a work promise's RunJob runs its work).
    private sealed class PromiseAdopter(Promise<T> target, PromiseScheduler scheduler) : Reaction
    {
        private bool _subscribed;

        internal override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(scheduler, this, source);

        internal override void RunJob(Promise? source)
        {
            if (_subscribed)
            {
                target.SettleFrom(source!);
            }
            else
            {
                _subscribed = true;
                source!.AddReaction(this);
            }
        }
    }

    // The resolving functions handed to a foreign thenable: the first call of either wins (A+ 2.3.3.3.3).
    private sealed class ThenableResolver(Promise<T> target, IThenable<T> thenable) : Reaction
    {
        private int _called;

        // The scheduler refused the job that would call the thenable's then: the adopting promise rejects instead.
        internal override void OnPostFailed(Promise? source, Exception error)
        {
            if (Interlocked.Exchange(ref _called, 1) == 0)
            {
                target.OnResolvedRejected(ExceptionDispatchInfo.Capture(error));
            }
        }

        // ECMAScript's NewPromiseResolveThenableJob for a foreign thenable: call its then, once.
        internal override void RunJob(Promise? source)
        {
            try
            {
                thenable.Then(ResolveOnce, RejectOnce);
            }
            catch (Exception ex)
            {
                // A+ 2.3.3.3.4: a throw after a resolving function was called is ignored.
                if (Interlocked.Exchange(ref _called, 1) == 0)
                {
                    target.OnResolvedRejected(ExceptionDispatchInfo.Capture(ex));
                }
            }
        }

        private void ResolveOnce(T value)
        {
            if (Interlocked.Exchange(ref _called, 1) == 0)
            {
                target.OnResolvedFulfilled(value);
            }
        }

        private void RejectOnce(Exception reason)
        {
            if (Interlocked.Exchange(ref _called, 1) == 0)
            {
                target.OnResolvedRejected(ExceptionDispatchInfo.Capture(reason ?? new ArgumentNullException(nameof(reason))));
            }
        }
    }
}
