using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Diagnostics;
using PromiseJs.Internal;

namespace PromiseJs;

/// <summary>A JavaScript-style promise of no value: settles once, as fulfilled or rejected, and runs its handlers asynchronously.</summary>
/// <remarks>
/// <para>This class also holds every static factory and combinator (<see cref="Resolve()"/>, <see cref="Reject(Exception)"/>,
/// <c>All</c>, <c>Race</c>, …). Handlers attached with <c>Then</c>, <c>Catch</c> and <c>Finally</c> never run inside the call that
/// attaches them, and the handlers of one promise run one after another in the order they were attached.</para>
/// <para>Unlike <see cref="Task"/>, a promise does not start work: it only represents a result, and its handlers run as queued
/// jobs (microtasks inside <see cref="PromiseLoop.Run(Func{Promise})"/>).</para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
[DebuggerTypeProxy(typeof(PromiseDebugView))]
[AsyncMethodBuilder(typeof(CompilerServices.PromiseMethodBuilder))]
public partial class Promise
{
    // Internal states. Only the first four ever move backwards: never.
    //   Pending → Locked (a resolver won the race and is writing the outcome) → Fulfilled | Rejected
    //   Pending → AdoptStep1 (resolved with one of our promises; the job that subscribes to it is queued)
    //           → AdoptStep2 (subscribed; waiting for the adopted promise) → Fulfilled | Rejected
    //   Pending → AdoptForeign (resolved with a foreign thenable or a pending task) → Locked → Fulfilled | Rejected
    internal const int StatePending = 0;
    internal const int StateLocked = 1;
    internal const int StateAdoptStep1 = 2;
    internal const int StateAdoptStep2 = 3;
    internal const int StateAdoptForeign = 4;
    internal const int StateFulfilled = 5;
    internal const int StateRejected = 6;

    // One of the State* constants; written with release semantics after the outcome (value or _rejection) is in place.
    private protected int _state;

    // The reactions waiting for this promise, in attachment order; only moves forward:
    // null → one reaction (a reaction promise or a Reaction) → ReactionList → s_dispatching → s_settled.
    // s_dispatching lasts while the settling thread hands the waiting reactions to their schedulers; a reaction attached
    // meanwhile waits for s_settled before it dispatches itself, so it can never overtake an earlier one (A+ 2.2.6).
    private object? _reactions;

    // One field, two lives. Before settlement, a reaction promise keeps its ReactionContext here (where its job runs and
    // the ExecutionContext it runs in); plain promises keep null. Once rejected: the reason as an ExceptionDispatchInfo
    // (shared down a chain of pass-throughs), or a RejectionTracker holding it when nobody had attached a reaction at
    // rejection time (allocated only then). Once fulfilled: null. Read as a reason only when _state is Rejected.
    private protected object? _rejection;

    // The delegate shapes a reaction promise holds (see ThenReaction); here because they fit in the padding after _state.
    private protected HandlerKind _fulfilledKind;
    private protected HandlerKind _rejectedKind;

    // Set when a combinator let go of this promise while it was pending (RemoveReaction with staysHandled): as a promise
    // passed to ECMAScript's Promise.all or race stays [[PromiseIsHandled]], its later rejection is not reported. Padding too.
    // With _state and the two kinds it leaves one byte of the last word free, which a Promise<T> of a one-byte T (every
    // value-less promise: VoidResult) fills with its value, so those are a word smaller. Whether a rejection is observed is
    // therefore no field: a rejection nobody observed keeps its reason in a RejectionTracker, which records that.
    private bool _handled;

    private static readonly object s_settled = new();
    private static readonly object s_dispatching = new();

    // In _reactions of a lazy work promise until the first reaction arrives, which starts the work.
    private static readonly object s_lazy = new();

    /// <summary>Creates a pending promise of no value and runs <paramref name="executor"/> synchronously to settle it.</summary>
    /// <param name="executor">Receives the functions that resolve and reject the promise; only the first call of either counts.
    /// If the executor throws, the promise rejects with that exception (unless already settled).</param>
    /// <exception cref="ArgumentNullException"><paramref name="executor"/> is <see langword="null"/>.</exception>
    public Promise(Action<Action, Action<Exception>> executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnCreated(this);
        }

        RunExecutor(executor, ResolveFromExecutor);
    }

    // Runs an executor now with this promise's resolving functions; a throw rejects, unless already settled.
    private protected void RunExecutor<TResolve>(Action<TResolve, Action<Exception>> executor, TResolve resolve)
    {
        try
        {
            executor(resolve, RejectFromExecutor);
        }
        catch (Exception ex)
        {
            TryReject(ExceptionDispatchInfo.Capture(ex));
        }
    }

    // For promises the library settles itself; external code cannot derive (no accessible constructor). Reports nothing to
    // PromiseEventSource: Promise<T>'s constructors do, and a Reaction (the other kind of derived class) is no promise.
    internal Promise()
    {
    }

    /// <summary>Gets the current state of the promise.</summary>
    public PromiseState State => Volatile.Read(ref _state) switch
    {
        StateFulfilled => PromiseState.Fulfilled,
        StateRejected => PromiseState.Rejected,
        _ => PromiseState.Pending,
    };

    /// <summary>Gets the reason the promise rejected with, or <see langword="null"/> unless it is rejected.</summary>
    public Exception? Reason => Volatile.Read(ref _state) == StateRejected ? RejectionInfo.SourceException : null;

    /// <summary>Describes the promise and its state: <c>Promise: pending</c>, <c>Promise&lt;int&gt;: fulfilled 42</c>,
    /// <c>Promise&lt;string&gt;: rejected InvalidOperationException: boom</c>.</summary>
    /// <returns>The type as C# spells it, the state, and the value (fulfilled) or the reason's type and message (rejected).</returns>
    public override string ToString() => PromiseFormatter.Describe(this, ValueTypeForDisplay, ValueForDisplay);

    // The value type and value ToString shows; none for a promise of no value.
    private protected virtual Type? ValueTypeForDisplay => null;

    private protected virtual object? ValueForDisplay => null;

    internal string DebuggerDisplay => ToString();

    // How many reactions wait for this promise (for the debugger); none once it has settled.
    internal int WaitingReactionCount
    {
        get
        {
            object? reactions = Volatile.Read(ref _reactions);
            if (reactions is ReactionList list)
            {
                lock (list)
                {
                    return list.Count;
                }
            }

            return reactions is Promise ? 1 : 0;
        }
    }

    internal bool IsSettled => Volatile.Read(ref _state) >= StateFulfilled;

    internal bool IsFulfilled => Volatile.Read(ref _state) == StateFulfilled;

    internal bool IsRejected => Volatile.Read(ref _state) == StateRejected;

    // Whether a rejected promise's reason reached somebody: a reaction, an await, a wait (observers do not count). Only a
    // rejection that had nobody waiting keeps a RejectionTracker, and it says whether somebody came since.
    internal bool IsObserved => Volatile.Read(ref _rejection) is not RejectionTracker tracker || tracker.IsHandled;

    // Valid only once rejected.
    internal ExceptionDispatchInfo RejectionInfo => _rejection as ExceptionDispatchInfo ?? ((RejectionTracker)_rejection!).Info;

    internal void ResolveFromExecutor() => TryFulfillVoid();

    internal void RejectFromExecutor(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        TryReject(ExceptionDispatchInfo.Capture(reason));
    }

    // ----- settling -----

    // First-wins fulfillment of a value-less promise (executor resolve functions, resolvers).
    internal bool TryFulfillVoid()
    {
        if (Interlocked.CompareExchange(ref _state, StateLocked, StatePending) != StatePending)
        {
            return false;
        }

        Publish(StateFulfilled);
        return true;
    }

    // First-wins rejection from Pending (executors, resolvers).
    internal bool TryReject(ExceptionDispatchInfo reason) => TryReject(reason, StatePending);

    // First-wins rejection from a given state (AdoptForeign for thenable resolvers).
    internal bool TryReject(ExceptionDispatchInfo reason, int expectedState)
    {
        if (Interlocked.CompareExchange(ref _state, StateLocked, expectedState) != expectedState)
        {
            return false;
        }

        SetRejected(reason);
        return true;
    }

    // Rejects a promise that nobody else can settle concurrently (a reaction settling itself, or after winning the lock).
    internal void SetRejected(ExceptionDispatchInfo reason)
    {
        // Decide on tracking before publishing, so a reaction attached right after publication always finds the tracker.
        // _handled is read after _reactions: RemoveReaction sets it before it takes its reaction away.
        if (IsObservedBy(Volatile.Read(ref _reactions)) || Volatile.Read(ref _handled))
        {
            _rejection = reason;
            Publish(StateRejected);
            return;
        }

        // Nobody observes it yet: the tracker holds the reason and records whether somebody comes (IsObserved); only a
        // reporting one is registered to report it.
        _rejection = (ReportsUnhandledRejection ? RejectionTracker.Create(this, reason) : null) ?? RejectionTracker.CreateSilent(this, reason);

        object? reactions = Publish(StateRejected);
        if (IsObservedBy(reactions))
        {
            // A reaction slipped in between the check and the publication.
            MarkHandled();
        }
    }

    // Whether a reactions value holds a reaction (that will observe the outcome).
    private static bool IsObservedBy(object? reactions) => reactions is not null && reactions != s_lazy;

    // Fulfills a value-less promise that nobody else can settle concurrently.
    internal void SetFulfilledVoid()
    {
        _rejection = null;
        Publish(StateFulfilled);
    }

    // Publishes the final state (the outcome is already written) and hands every waiting reaction to its scheduler.
    private protected object? Publish(int finalState)
    {
        Volatile.Write(ref _state, finalState);
        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnSettled(this);
        }

        // Nobody waiting (a promise settled before anybody attached): one compare-and-swap ends it, with no dispatch phase.
        if (Volatile.Read(ref _reactions) is null && Interlocked.CompareExchange(ref _reactions, s_settled, null) is null)
        {
            return null;
        }

        object? reactions = Interlocked.Exchange(ref _reactions, s_dispatching);
        if (reactions is not null)
        {
            DispatchAll(reactions);
        }

        // No reaction can be added while s_dispatching is there, so a plain release write ends the phase.
        Volatile.Write(ref _reactions, s_settled);
        return reactions;
    }

    // Marks a promise constructed already settled (no reaction can exist yet).
    private protected void MarkConstructedSettled() => _reactions = s_settled;

    // Marks a work promise whose work starts with its first reaction (see OnLazyStart).
    private protected void MarkLazy() => _reactions = s_lazy;

    // Takes the lazy mark off (the work will not start from a reaction any more); false if it was not there.
    private protected bool TryClaimLazy() => Interlocked.CompareExchange(ref _reactions, null, s_lazy) == s_lazy;

    // Whether a rejection nobody observed is reported as unhandled (a scope's children are reported by the scope instead).
    private protected virtual bool ReportsUnhandledRejection => true;

    // Starts the work of a lazy work promise; called once, by the first AddReaction.
    private protected virtual void OnLazyStart()
    {
    }

    private void DispatchAll(object reactions)
    {
        if (reactions is ReactionList list)
        {
            // Taking the lock waits out an AddReaction that saw the list before the exchange; none can add after it.
            lock (list)
            {
                foreach (Promise reaction in list)
                {
                    Dispatch(reaction);
                }
            }
        }
        else
        {
            // Only promises (reaction promises and Reactions) and ReactionLists are ever stored.
            Dispatch(System.Runtime.CompilerServices.Unsafe.As<Promise>(reactions));
        }
    }

    private void Dispatch(Promise reaction) => reaction.OnSourceSettled(this);

    // ----- reactions -----

    // Attaches a reaction (a reaction promise or a Reaction); it is dispatched once this promise settles, at once if it has.
    internal void AddReaction(Promise reaction)
    {
        object? current = Volatile.Read(ref _reactions);
        while (true)
        {
            if (current == s_settled)
            {
                DispatchToSettled(reaction);
                return;
            }

            if (current == s_dispatching)
            {
                // Another thread is handing the earlier reactions to their schedulers; that takes moments.
                var spinner = default(SpinWait);
                do
                {
                    spinner.SpinOnce();
                    current = Volatile.Read(ref _reactions);
                }
                while (current == s_dispatching);
            }
            else if (current is null)
            {
                current = Interlocked.CompareExchange(ref _reactions, reaction, null);
                if (current is null)
                {
                    return;
                }
            }
            else if (current is ReactionList list)
            {
                lock (list)
                {
                    if (Volatile.Read(ref _reactions) == list)
                    {
                        list.Add(reaction);
                        return;
                    }
                }

                current = Volatile.Read(ref _reactions);
            }
            else if (current == s_lazy)
            {
                current = Interlocked.CompareExchange(ref _reactions, null, s_lazy);
                if (current == s_lazy)
                {
                    OnLazyStart();
                    current = Volatile.Read(ref _reactions);
                }
            }
            else
            {
                var newList = new ReactionList { System.Runtime.CompilerServices.Unsafe.As<Promise>(current), reaction };
                object? seen = Interlocked.CompareExchange(ref _reactions, newList, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }

    // Detaches a reaction that no longer needs this promise (a combinator whose result has settled), so a promise that
    // never settles does not keep it alive; a no-op once this promise has settled or started dispatching. This is the one
    // step that moves _reactions back (one reaction → null); a rejection then counts as unobserved, which it is, unless
    // staysHandled says the reaction had handled it for good (a combinator's input, as in ECMAScript).
    internal void RemoveReaction(Promise reaction, bool staysHandled = false)
    {
        if (staysHandled)
        {
            Volatile.Write(ref _handled, true);
        }

        object? current = Volatile.Read(ref _reactions);
        if (current == reaction)
        {
            Interlocked.CompareExchange(ref _reactions, null, reaction);
        }
        else if (current is ReactionList list)
        {
            lock (list)
            {
                if (Volatile.Read(ref _reactions) == list)
                {
                    list.Remove(reaction);
                }
            }
        }
    }

    private void DispatchToSettled(Promise reaction)
    {
        if (Volatile.Read(ref _state) == StateRejected)
        {
            MarkHandled();
        }

        Dispatch(reaction);
    }

    // Records that somebody observes this promise's outcome (a reaction, an await, a blocking wait).
    internal void MarkHandled()
    {
        if (Volatile.Read(ref _state) == StateRejected)
        {
            if (_rejection is RejectionTracker tracker)
            {
                tracker.MarkHandled();
            }
        }
    }

    // Called synchronously when a promise this one is registered on settles. Only reaction promises register.
    internal virtual void OnSourceSettled(Promise source) => throw new UnreachableException();

    // Runs this promise's queued job. Only reaction promises are queued.
    internal virtual void RunJob(Promise? source) => throw new UnreachableException();

    // The scheduler refused this job (its Post threw; see PostFailure). A job that is no promise of its own (an await
    // continuation, a combinator's step) runs on the thread pool instead, so it is not lost; reaction promises reject.
    internal virtual void OnPostFailed(Promise? source, Exception error) =>
        ThreadPool.UnsafeQueueUserWorkItem(static job => job.Target.RunJob(job.Source), new Scheduling.Job(this, source), preferLocal: false);

    // Throws the rejection reason with its original stack trace; a no-op unless rejected.
    [StackTraceHidden]
    internal void ThrowIfRejected()
    {
        if (Volatile.Read(ref _state) == StateRejected)
        {
            MarkHandled();
            RejectionInfo.Throw();
        }
    }
}
