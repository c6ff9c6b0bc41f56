namespace PromiseJs.Tests.TestSupport;

/// <summary>Installs a synchronization context (or none) on the current thread and restores the previous one on dispose.</summary>
/// <remarks>xunit runs synchronous tests under its own <c>AsyncTestSyncContext</c>, which the library treats as a custom context:
/// tests that mean "no synchronization context" (the shared thread-pool queue) must clear it with <see cref="None"/>.</remarks>
internal sealed class SynchronizationContextScope : IDisposable
{
    private readonly SynchronizationContext? _previous;

    private SynchronizationContextScope(SynchronizationContext? context)
    {
        _previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
    }

    /// <summary>Clears the synchronization context: handlers attached now go to the shared thread-pool queue.</summary>
    public static SynchronizationContextScope None() => new(null);

    /// <summary>Installs <paramref name="context"/>: handlers attached now are posted to it.</summary>
    public static SynchronizationContextScope Install(SynchronizationContext context) => new(context);

    public void Dispose() => SynchronizationContext.SetSynchronizationContext(_previous);
}
