using System.Text.RegularExpressions;
using System.Xml.Linq;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.PublicApi;

/// <summary>
/// Every public and protected member of PromiseJs is documented for IntelliSense: a summary, a <c>&lt;param&gt;</c> for
/// every parameter, a <c>&lt;typeparam&gt;</c> for every generic parameter and a <c>&lt;returns&gt;</c> for every
/// non-void method, read from the XML documentation file the build writes next to the dll. The rules (inheritdoc,
/// compiler-generated members, accessors, enum values, operators) are stated on <see cref="XmlDocumentationAudit"/>.
/// The compiler's own checks stay on beside it — CS1591 (no docs at all), CS1573 (a <c>&lt;param&gt;</c> for some
/// parameters but not all), CS1572/CS1574 (a tag or cref naming nothing) are errors under TreatWarningsAsErrors — and a
/// test keeps them from being suppressed for the shipping projects.
/// </summary>
/// <remarks>The XML file is read from the test's output folder: a project reference copies the referenced assembly's
/// <c>.xml</c> beside its dll (MSBuild's default <c>AllowedReferenceRelatedFileExtensions</c>).</remarks>
public sealed class XmlDocumentationTests
{
    private const string FixtureId = "PromiseJs.Tests.PublicApi.XmlDocumentationTests.AuditFixture`1";

    // CS1591 (missing XML comment), CS1573 (param tag missing while others exist), CS1572 (param tag for no parameter),
    // CS1574 (unresolvable cref): written CS1591 or 1591.
    private static readonly Regex s_documentationWarning = new(@"\b(CS)?15(91|73|72|74)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void PublicMembers_EachHasSummaryParamsTypeParamsAndReturns() =>
        XmlDocumentationAudit.Verify(typeof(Promise).Assembly);

    [Fact]
    public void DocumentationWarnings_InShippingProjects_AreNotSuppressed()
    {
        var root = RepositoryPaths.Root;
        var offenders = new List<string>();

        var projectFiles = new[] { Path.Combine(root, "Directory.Build.props"), Path.Combine(root, "src", "Directory.Build.props") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories));
        foreach (var file in projectFiles)
        {
            foreach (var element in XDocument.Load(file).Descendants())
            {
                if (element.Name.LocalName is "NoWarn" or "WarningsNotAsErrors" && s_documentationWarning.IsMatch(element.Value))
                {
                    offenders.Add($"{Path.GetRelativePath(root, file)}: <{element.Name.LocalName}>{element.Value}</{element.Name.LocalName}>");
                }
            }
        }

        var generate = XDocument.Load(Path.Combine(root, "src", "Directory.Build.props")).Descendants()
            .Where(element => element.Name.LocalName == "GenerateDocumentationFile")
            .Select(element => element.Value.Trim())
            .ToList();
        if (generate is not ["true"])
        {
            offenders.Add($"src/Directory.Build.props: GenerateDocumentationFile is [{string.Join(", ", generate)}], not [true]");
        }

        offenders.AddRange(File.ReadLines(Path.Combine(root, ".editorconfig"))
            .Where(line => line.Contains("dotnet_diagnostic.", StringComparison.Ordinal) && s_documentationWarning.IsMatch(line))
            .Select(line => $".editorconfig: {line}"));

        offenders.AddRange(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file)
                .Where(line => line.TrimStart().StartsWith("#pragma warning disable", StringComparison.Ordinal)
                    && s_documentationWarning.IsMatch(line))
                .Select(line => $"{Path.GetRelativePath(root, file)}: {line.Trim()}")));

        Assert.True(offenders.Count == 0, "XML documentation warnings must stay on for src/:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void FindOffenders_EveryTagWritten_ReportsNothing()
    {
        var offenders = XmlDocumentationAudit.FindOffenders([typeof(AuditFixture<>)], CompleteFixtureDocs());

        Assert.Empty(offenders);
    }

    [Fact]
    public void FindOffenders_MissingParamTypeParamAndReturns_ListsTheMemberByDocumentationId()
    {
        var docs = CompleteFixtureDocs();
        Entry(docs, $"M:{FixtureId}.Combine``1(`0,``0)").Elements()
            .Where(element => element.Name.LocalName is "returns" or "typeparam"
                || (string?)element.Attribute("name") == "other")
            .Remove();

        var offenders = XmlDocumentationAudit.FindOffenders([typeof(AuditFixture<>)], docs);

        Assert.Equal(
            [$"M:{FixtureId}.Combine``1(`0,``0): missing <param name=\"other\">, <typeparam name=\"TOther\">, <returns>"],
            offenders);
    }

    [Fact]
    public void FindOffenders_TypeWithoutTypeParamAndMemberWithoutEntry_ListsBoth()
    {
        var docs = CompleteFixtureDocs();
        Entry(docs, $"T:{FixtureId}").Element("typeparam")!.Remove();
        Entry(docs, $"P:{FixtureId}.Item(System.Int32)").Remove();

        var offenders = XmlDocumentationAudit.FindOffenders([typeof(AuditFixture<>)], docs);

        Assert.Equal(
            [$"P:{FixtureId}.Item(System.Int32): no documentation", $"T:{FixtureId}: missing <typeparam name=\"TItem\">"],
            offenders);
    }

    [Fact]
    public void FindOffenders_InheritdocFromOverloadWithFewerParameters_ListsTheAddedParameter()
    {
        var docs = CompleteFixtureDocs();
        var entry = Entry(docs, $"M:{FixtureId}.Log(System.String,System.Int32)");
        entry.RemoveNodes();
        entry.Add(new XElement("inheritdoc", new XAttribute("cref", $"M:{FixtureId}.Log(System.String)")));

        var offenders = XmlDocumentationAudit.FindOffenders([typeof(AuditFixture<>)], docs);

        Assert.Equal([$"M:{FixtureId}.Log(System.String,System.Int32): missing <param name=\"level\">"], offenders);
    }

    [Fact]
    public void FindOffenders_InheritdocOnOverrideOfObjectMember_TakesItAsComplete()
    {
        var docs = CompleteFixtureDocs();
        var entry = Entry(docs, $"M:{FixtureId}.ToString");
        entry.RemoveNodes();
        entry.Add(new XElement("inheritdoc"));

        var offenders = XmlDocumentationAudit.FindOffenders([typeof(AuditFixture<>)], docs);

        Assert.Empty(offenders);
    }

    [Fact]
    public void FindOffenders_InheritdocWithNothingToInherit_ListsTheMember()
    {
        var docs = CompleteFixtureDocs();
        var entry = Entry(docs, $"M:{FixtureId}.Log(System.String)");
        entry.RemoveNodes();
        entry.Add(new XElement("inheritdoc"));

        var offenders = XmlDocumentationAudit.FindOffenders([typeof(AuditFixture<>)], docs);

        Assert.Equal([$"M:{FixtureId}.Log(System.String): missing <summary>, <param name=\"message\">"], offenders);
    }

    private static XElement Entry(XDocument docs, string id) =>
        docs.Descendants("member").Single(member => (string?)member.Attribute("name") == id);

    // What the compiler would write for AuditFixture<TItem> with every tag present. Its implicit constructor has no entry.
    private static XDocument CompleteFixtureDocs() =>
        new(new XElement(
            "doc",
            new XElement(
                "members",
                Member($"T:{FixtureId}", Summary(), Tag("typeparam", "TItem")),
                Member($"M:{FixtureId}.Combine``1(`0,``0)", Summary(), Tag("typeparam", "TOther"), Tag("param", "item"), Tag("param", "other"), Tag("returns")),
                Member($"M:{FixtureId}.Log(System.String)", Summary(), Tag("param", "message")),
                Member($"M:{FixtureId}.Log(System.String,System.Int32)", Summary(), Tag("param", "message"), Tag("param", "level")),
                Member($"M:{FixtureId}.ToString", Summary(), Tag("returns")),
                Member($"P:{FixtureId}.Item(System.Int32)", Summary(), Tag("param", "index")),
                Member($"P:{FixtureId}.Count", Summary()))));

    private static XElement Member(string id, params XElement[] tags) => new("member", new XAttribute("name", id), tags);

    private static XElement Summary() => new("summary", "Does something.");

    private static XElement Tag(string tag, string? name = null) =>
        name is null ? new XElement(tag, "Some text.") : new XElement(tag, new XAttribute("name", name), "Some text.");

    /// <summary>A public type the audit can be pointed at with hand-written documentation.</summary>
    /// <typeparam name="TItem">An item.</typeparam>
    public abstract class AuditFixture<TItem>
    {
        /// <summary>Gets a count.</summary>
        public abstract int Count { get; }

        /// <summary>Gets an element.</summary>
        /// <param name="index">An index.</param>
        public abstract int this[int index] { get; }

        /// <summary>Combines.</summary>
        /// <typeparam name="TOther">Another type.</typeparam>
        /// <param name="item">An item.</param>
        /// <param name="other">Another item.</param>
        /// <returns>A number.</returns>
        public abstract int Combine<TOther>(TItem item, TOther other);

        /// <summary>Logs.</summary>
        /// <param name="message">A message.</param>
        public abstract void Log(string message);

        /// <summary>Logs at a level.</summary>
        /// <param name="message">A message.</param>
        /// <param name="level">A level.</param>
        public abstract void Log(string message, int level);

        /// <inheritdoc/>
        public override string ToString() => nameof(AuditFixture<TItem>);
    }
}
