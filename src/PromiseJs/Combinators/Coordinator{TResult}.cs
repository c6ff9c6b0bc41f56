using System.Runtime.ExceptionServices;
using PromiseJs.Scheduling;

namespace PromiseJs.Combinators;

/// <summary>
/// The result promise of a combinator over a snapshot of input promises, which also coordinates it: it registers itself as
/// the reaction on every input, so a call allocates this object and nothing per input. Each input's outcome reaches it as a
/// queued job carrying that input (as ECMAScript's per-element <c>then</c> reactions do, so the combinator settles in the same
/// tick as in node).
/// </summary>
/// <remarks>
/// No index lookup is needed: a fulfilled promise's value never changes, so a coordinator that needs every outcome reads
/// them from <see cref="Inputs"/>, in input order, once its count reaches zero (as <c>Task.WhenAll</c> does). An input
/// that appears twice is registered on twice, so it is counted twice and read at both places.
/// </remarks>
internal abstract class Coordinator<TResult> : Promise<TResult>
{
    // Where the input jobs run: captured when the combinator is called, like a Then handler's.
    private readonly PromiseScheduler _scheduler;

    // The snapshot of the inputs; null once the result has settled and let go of them.
    private Promise[]? _inputs;

    // Inputs whose job has not run yet (for the combinators that count).
    private int _remaining;

    // Whether this registered on the inputs (else every input was settled at the call: there is nothing to detach from).
    private bool _subscribed;

    // Whether the input jobs run one at a time on one thread (a loop's microtasks), so counting needs no interlocked operation.
    private readonly bool _serial;

    protected Coordinator(Promise[] inputs)
    {
        _scheduler = JobScheduler.Capture();
        _serial = _scheduler is LoopCore;
        _inputs = inputs;
        _remaining = inputs.Length;
    }

    /// <summary>Gets the inputs, or <see langword="null"/> once the result has settled early and let go of them.</summary>
    protected Promise[]? Inputs => Volatile.Read(ref _inputs);

    /// <summary>Registers on every input; call last in the constructor, once every field is set.</summary>
    protected void Subscribe()
    {
        Promise[] inputs = _inputs!;
        if (AllSettled(inputs))
        {
            // Their n jobs would be queued back to back now, and none can observe another: one job does their work, in
            // input order, at the place of the first.
            JobScheduler.Enqueue(_scheduler, this, null);
            return;
        }

        _subscribed = true;
        foreach (Promise input in inputs)
        {
            if (IsSettled)
            {
                // An input job ran on another thread and settled the result; no point registering on the rest.
                break;
            }

            input.AddReaction(this);
        }

        if (IsSettled)
        {
            // The settling job may have detached before this thread finished registering: detach again, after the last add.
            Detach(inputs);
        }
    }

    private static bool AllSettled(Promise[] inputs)
    {
        foreach (Promise input in inputs)
        {
            if (!input.IsSettled)
            {
                return false;
            }

            // What AddReaction does for a settled promise: a rejection now has a handler (as every input gets one at the call).
            input.MarkHandled();
        }

        return true;
    }

    internal sealed override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(_scheduler, this, source);

    internal sealed override void RunJob(Promise? source)
    {
        if (source is not null)
        {
            if (!IsSettled)
            {
                OnInputSettled(source);
            }

            return;
        }

        OnEveryInputSettled(_inputs!);
    }

    /// <summary>Runs, as a job, once <paramref name="input"/> has settled (once per place it holds in the input), until the
    /// result settles.</summary>
    protected abstract void OnInputSettled(Promise input);

    /// <summary>Runs, as the one job, when every input was settled at the call: nothing else can run meanwhile, so it may
    /// skip the counting. By default, <see cref="OnInputSettled"/> for each input in order until the result settles.</summary>
    protected virtual void OnEveryInputSettled(Promise[] inputs)
    {
        foreach (Promise input in inputs)
        {
            if (IsSettled)
            {
                break;
            }

            OnInputSettled(input);
        }
    }

    /// <summary>Counts one input down; <see langword="true"/> for the last.</summary>
    /// <remarks>On a loop the jobs run one after another on its thread (or, after it ended, on the serial thread-pool queue it
    /// hands them to), so a plain decrement is enough there.</remarks>
    protected bool CountDown() => _serial ? --_remaining == 0 : Interlocked.Decrement(ref _remaining) == 0;

    /// <summary>Fulfills the result (first wins) and lets go of the inputs.</summary>
    /// <param name="value">The value.</param>
    /// <param name="early">Whether inputs may still be pending (else every input's job has run: nothing to detach from).</param>
    protected void Fulfill(TResult value, bool early)
    {
        if (TryFulfill(value))
        {
            Release(early);
        }
    }

    /// <summary>Rejects the result (first wins) and lets go of the inputs.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="early">Whether inputs may still be pending.</param>
    protected void Reject(ExceptionDispatchInfo reason, bool early)
    {
        if (TryReject(reason))
        {
            Release(early);
        }
    }

    // Drops the snapshot and detaches from the inputs still pending, so one that never settles does not keep this promise
    // (and whatever its reactions hold) alive; they stay handled, as in ECMAScript.
    private void Release(bool early)
    {
        if (Interlocked.Exchange(ref _inputs, null) is { } inputs && early && _subscribed)
        {
            Detach(inputs);
        }
    }

    private void Detach(Promise[] inputs)
    {
        foreach (Promise input in inputs)
        {
            if (!input.IsSettled)
            {
                input.RemoveReaction(this, staysHandled: true);
            }
        }
    }
}
