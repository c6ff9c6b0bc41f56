namespace PromiseJs.Tests.TestSupport;

/// <summary>The shared guard sees what a loop reports in the test's own flow (else it would guard nothing).</summary>
public sealed class UnhandledRejectionGuardTests
{
    [Fact]
    public void TakeReported_LoopReportedARejectionDuringTheTest_ReturnsItsReasonOnce()
    {
        var reason = new FormatException("left unhandled on purpose");

        PromiseLoop.Run(() =>
        {
            Promise.Reject(reason);
            return Promise.Resolve();
        });

        Assert.Equal([reason], UnhandledRejectionGuardAttribute.TakeReported());
        Assert.Empty(UnhandledRejectionGuardAttribute.TakeReported());
    }
}
