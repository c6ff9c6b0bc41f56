using System.Reflection;

namespace PromiseJs.Tests.PublicApi;

/// <summary>
/// Compares the public surface of PromiseJs with the approved snapshot PromiseJs.approved.txt beside this
/// file. A change to the public API updates that file and CHANGELOG.md in the same commit.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesApprovedSnapshot() =>
        ApprovedSnapshot.Verify(Assembly.Load(new AssemblyName("PromiseJs")), "tests/PromiseJs.Tests/PublicApi", "PromiseJs");
}
