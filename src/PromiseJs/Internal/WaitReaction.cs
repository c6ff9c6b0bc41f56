namespace PromiseJs.Internal;

/// <summary>Wakes a thread blocked in <see cref="Promise.Wait()"/>; runs inline on the settling thread (it only signals).</summary>
// The event is never disposed: after a timed-out wait the promise may still set it, and a ManualResetEventSlim whose
// WaitHandle was never read holds no kernel object.
#pragma warning disable CA1001
internal sealed class WaitReaction : Reaction
#pragma warning restore CA1001
{
    // No spinning of its own: Promise.Wait has already spun before it made this waiter (as Task's waiter event, for the same
    // reason, does not spin either), so a second round would only keep a core from the thread that settles the promise.
    private readonly ManualResetEventSlim _signal = new(initialState: false, spinCount: 0);

    internal override void OnSourceSettled(Promise source) => _signal.Set();

    public bool WaitSignal(TimeSpan timeout, CancellationToken cancellationToken) => _signal.Wait(timeout, cancellationToken);
}
