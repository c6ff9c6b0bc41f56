namespace PromiseJs.Internal;

/// <summary>A callback queued as a job: <c>QueueMicrotask</c> and <c>SetImmediate</c>. An exception it throws ends
/// <see cref="PromiseLoop"/>'s <c>Run</c>, as an uncaught exception in a callback ends a node process.</summary>
internal sealed class ActionReaction(Action callback) : Reaction
{
    internal override void RunJob(Promise? source) => callback();
}
