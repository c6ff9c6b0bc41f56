namespace PromiseJs.Reactive.Tests.PublicApi;

/// <summary>
/// Every public and protected member of PromiseJs.Reactive is documented for IntelliSense (summary, every
/// <c>&lt;param&gt;</c>, <c>&lt;typeparam&gt;</c> and <c>&lt;returns&gt;</c>), with the core tests' audit and its rules
/// (tests/PromiseJs.Tests/PublicApi/XmlDocumentationAudit.cs, whose own tests live beside it).
/// </summary>
public sealed class XmlDocumentationTests
{
    [Fact]
    public void PublicMembers_EachHasSummaryParamsTypeParamsAndReturns() =>
        XmlDocumentationAudit.Verify(typeof(PromiseObservableExtensions).Assembly);
}
