namespace PromiseJs.Tests.TestSupport;

/// <summary>Timeouts for blocking on work that runs on other threads: generous, since they only bound a failing test.</summary>
internal static class TestTimeouts
{
    /// <summary>How long a test blocks for something that should happen promptly before it calls the library broken.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>A short wait for something that must never happen (a timeout test, not a sleep).</summary>
    public static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);
}
