using System.ComponentModel;
using System.Reflection;

namespace PromiseJs.Tests.PublicApi;

/// <summary>
/// Compares the public surface of PromiseJs with the approved snapshot PromiseJs.approved.txt beside this file (rendered by
/// PublicApiGenerator). A change to the public API updates that file and CHANGELOG.md in the same commit: on a difference
/// the test writes PromiseJs.received.txt beside it and prints the command that approves it.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly s_assembly = Assembly.Load(new AssemblyName("PromiseJs"));

    [Fact]
    public void PublicApi_MatchesApprovedSnapshot() =>
        ApprovedSnapshot.Verify(s_assembly, "tests/PromiseJs.Tests/PublicApi", "PromiseJs");

    // PublicApiGenerator never renders [EditorBrowsable], so the snapshot cannot show what is hidden from IntelliSense.
    [Fact]
    public void PublicApi_HiddenFromIntelliSense_OnlyTheAsyncMethodBuilders()
    {
        var hidden = s_assembly.GetExportedTypes()
            .SelectMany(type => new MemberInfo[] { type }.Concat(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            .Where(member => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never)
            .Select(member => member is Type type ? type.FullName! : $"{member.DeclaringType!.FullName}.{member.Name}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            ["PromiseJs.CompilerServices.PromiseMethodBuilder", "PromiseJs.CompilerServices.PromiseMethodBuilder`1"],
            hidden);
    }
}
