using System.Reflection;
using Xunit.Sdk;

namespace PromiseJs.TestSupport;

/// <summary>
/// Fails a test when <see cref="Promise.UnhandledRejection"/> reported a rejection during it that the test did not expect
/// (take expected ones with <see cref="TakeReported"/>, mark tests or classes that leave them on purpose with
/// <see cref="ExpectsUnhandledRejectionsAttribute"/>, or reject inside <see cref="Promise.SuppressUnhandledRejections"/>).
/// Every test project applies it to its whole assembly: <c>[assembly: UnhandledRejectionGuard]</c>.
/// </summary>
/// <remarks>
/// Reports are attributed to the test through an async-local, so tests running in parallel never see each other's: that
/// covers what a <see cref="PromiseLoop"/> reports (in the flow that runs it). A report from the finalizer thread (a promise
/// rejected outside any loop and collected) has no test's flow; it is charged to the running test only where the assembly
/// runs one test at a time and says so with <see cref="OneTestAtATime"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UnhandledRejectionGuardAttribute : BeforeAfterTestAttribute
{
    private static readonly AsyncLocal<List<Exception>?> s_reports = new();

    // The running test's reports, for reports that arrive outside its flow; set only under OneTestAtATime.
    private static List<Exception>? s_runningTestReports;

    static UnhandledRejectionGuardAttribute() => Promise.UnhandledRejection += static (_, e) =>
    {
        if ((s_reports.Value ?? Volatile.Read(ref s_runningTestReports)) is { } reports)
        {
            lock (reports)
            {
                reports.Add(e.Reason);
            }
        }
    };

    /// <summary>Gets or sets whether the assembly's tests never run in parallel (xunit's <c>DisableTestParallelization</c>):
    /// then a report that arrives outside the test's flow is charged to the running test, and the guard collects garbage
    /// before its check, so a rejected promise the test dropped is reported during the test that dropped it.</summary>
    public bool OneTestAtATime { get; set; }

    /// <summary>Returns the rejections reported so far during the running test and forgets them: the test expected them.</summary>
    public static IReadOnlyList<Exception> TakeReported()
    {
        if ((s_reports.Value ?? Volatile.Read(ref s_runningTestReports)) is not { } reports)
        {
            throw new InvalidOperationException("No test guarded by [UnhandledRejectionGuard] is running in this flow.");
        }

        lock (reports)
        {
            Exception[] taken = [.. reports];
            reports.Clear();
            return taken;
        }
    }

    /// <inheritdoc/>
    public override void Before(MethodInfo methodUnderTest)
    {
        List<Exception> reports = [];
        s_reports.Value = reports;
        if (OneTestAtATime)
        {
            Volatile.Write(ref s_runningTestReports, reports);
        }
    }

    /// <inheritdoc/>
    public override void After(MethodInfo methodUnderTest)
    {
        if (OneTestAtATime)
        {
            // Outside a loop, a rejection nobody handled is reported when its promise is collected.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Volatile.Write(ref s_runningTestReports, null);
        }

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
                    ". Handle them, reject inside Promise.SuppressUnhandledRejections(), take them with " +
                    "UnhandledRejectionGuardAttribute.TakeReported(), or mark the test [ExpectsUnhandledRejections].");
            }
        }
    }

    private static bool Expects(MethodInfo method) =>
        method.IsDefined(typeof(ExpectsUnhandledRejectionsAttribute), inherit: true)
        || method.DeclaringType?.IsDefined(typeof(ExpectsUnhandledRejectionsAttribute), inherit: true) == true;
}
