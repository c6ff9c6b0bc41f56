namespace PromiseJs.Reactive.Tests.TestSupport;

/// <summary>Records every unhandled rejection reported while a test runs; <see cref="Dispose"/> fails the test if one was
/// reported that the test did not take with <see cref="TakeReported"/>.</summary>
/// <remarks>Each test class creates one per test (xunit makes a new instance per test) and disposes it; test classes of
/// this assembly never run in parallel (see AssemblySettings.cs), so the global event only sees this test's promises.</remarks>
internal sealed class UnhandledRejectionGuard : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Exception> _reported = [];

    public UnhandledRejectionGuard() => Promise.UnhandledRejection += OnUnhandledRejection;

    /// <summary>Returns the reasons reported so far and forgets them: the test expected them.</summary>
    public IReadOnlyList<Exception> TakeReported()
    {
        lock (_gate)
        {
            Exception[] reported = [.. _reported];
            _reported.Clear();
            return reported;
        }
    }

    public void Dispose()
    {
        // Outside a loop, a rejection nobody handled is reported when its promise is collected.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Promise.UnhandledRejection -= OnUnhandledRejection;
        IReadOnlyList<Exception> unexpected = TakeReported();
        Assert.True(
            unexpected.Count == 0,
            $"Unhandled rejections were reported: {string.Join(", ", unexpected.Select(e => $"{e.GetType().Name}: {e.Message}"))}");
    }

    private void OnUnhandledRejection(object? sender, UnhandledRejectionEventArgs e)
    {
        lock (_gate)
        {
            _reported.Add(e.Reason);
        }
    }
}
