using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Combinators;

/// <summary>The result promise of a combinator, which also coordinates it. Each input's outcome reaches it as a queued job
/// (as ECMAScript's per-element <c>then</c> reactions do, so the combinator settles in the same tick as in node).</summary>
internal abstract class Coordinator<TResult> : Promise<TResult>
{
    // Where the element jobs run: captured when the combinator is called, like a Then handler's.
    private readonly object _scheduler = JobScheduler.Capture();

    protected void Subscribe(Promise[] inputs)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i].AddReaction(new Element(this, i));
        }
    }

    /// <summary>Runs, as a job, once input <paramref name="index"/> has settled.</summary>
    protected abstract void OnElementSettled(int index, Promise input);

    private sealed class Element(Coordinator<TResult> owner, int index) : Reaction
    {
        internal override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(owner._scheduler, this, source);

        internal override void RunJob(Promise? source) => owner.OnElementSettled(index, source!);
    }
}
