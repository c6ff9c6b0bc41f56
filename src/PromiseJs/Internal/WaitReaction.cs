namespace PromiseJs.Internal;

/// <summary>Wakes a thread blocked in <see cref="Promise.Wait()"/>; runs inline on the settling thread (it only signals).</summary>
// The event is never disposed: after a timed-out wait the promise may still set it, and a ManualResetEventSlim whose
// WaitHandle was never read holds no kernel object.
#pragma warning disable CA1001
internal sealed class WaitReaction : Reaction
#pragma warning restore CA1001
{
    private readonly ManualResetEventSlim _signal = new();

    internal override void OnSourceSettled(Promise source) => _signal.Set();

    public bool WaitSignal(TimeSpan timeout, CancellationToken cancellationToken) => _signal.Wait(timeout, cancellationToken);
}
