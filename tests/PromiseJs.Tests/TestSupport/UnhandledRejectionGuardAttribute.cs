using System.Reflection;
using Xunit.Sdk;

// Every test fails if a promise it rejected went unhandled (reported by a PromiseLoop) unless it says it expects that.
[assembly: PromiseJs.Tests.TestSupport.UnhandledRejectionGuard]

namespace PromiseJs.Tests.TestSupport;

/// <summary>
/// Fails a test when <see cref="Promise.UnhandledRejection"/> reported a rejection during it that the test did not expect
/// (mark such tests or classes with <see cref="ExpectsUnhandledRejectionsAttribute"/>, or reject inside
/// <see cref="Promise.SuppressUnhandledRejections"/>). Reports are attributed to the test through an async-local, so tests
/// running in parallel never see each other's: that covers what a <see cref="PromiseLoop"/> reports (in the flow that runs
/// it); a report from the finalizer thread (a promise rejected outside any loop and collected) belongs to no test.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UnhandledRejectionGuardAttribute : BeforeAfterTestAttribute
{
    private static readonly AsyncLocal<List<Exception>?> s_reports = new();

    static UnhandledRejectionGuardAttribute() => Promise.UnhandledRejection += static (_, e) =>
    {
        if (s_reports.Value is { } reports)
        {
            lock (reports)
            {
                reports.Add(e.Reason);
            }
        }
    };

    /// <inheritdoc/>
    public override void Before(MethodInfo methodUnderTest) => s_reports.Value = [];

    /// <inheritdoc/>
    public override void After(MethodInfo methodUnderTest)
    {
        List<Exception>? reports = s_reports.Value;
        s_reports.Value = null;
        if (reports is null || Expects(methodUnderTest))
        {
            return;
        }

        lock (reports)
        {
            if (reports.Count > 0)
            {
                throw new XunitException(
                    $"{reports.Count} unhandled rejection(s) were reported during the test: " +
                    string.Join("; ", reports.Select(r => $"{r.GetType().Name}: {r.Message}")) +
                    ". Handle them, reject inside Promise.SuppressUnhandledRejections(), or mark the test [ExpectsUnhandledRejections].");
            }
        }
    }

    private static bool Expects(MethodInfo method) =>
        method.IsDefined(typeof(ExpectsUnhandledRejectionsAttribute), inherit: true)
        || method.DeclaringType?.IsDefined(typeof(ExpectsUnhandledRejectionsAttribute), inherit: true) == true;
}
