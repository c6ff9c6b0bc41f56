namespace PromiseJs.Reactive.Tests.PublicApi;

/// <summary>
/// Compares the public surface of PromiseJs.Reactive with the approved snapshot PromiseJs.Reactive.approved.txt beside this
/// file, with the snapshot check of tests/PromiseJs.TestSupport (PublicApiGenerator). A change to the public API updates that
/// file and CHANGELOG.md in the same commit; on a difference the test writes PromiseJs.Reactive.received.txt beside it.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesApprovedSnapshot() =>
        ApprovedSnapshot.Verify(typeof(PromiseObservableExtensions).Assembly, "tests/PromiseJs.Reactive.Tests/PublicApi", "PromiseJs.Reactive");
}
