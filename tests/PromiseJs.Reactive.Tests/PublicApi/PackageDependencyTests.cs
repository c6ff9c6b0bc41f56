using System.Xml.Linq;

namespace PromiseJs.Reactive.Tests.PublicApi;

/// <summary>The split by dependency: System.Reactive enters through PromiseJs.Reactive alone, and the core stays free of
/// packages (tests/PromiseJs.Tests/PublicApi/PackageDependencyTests.cs checks the core's own files in depth).</summary>
public sealed class PackageDependencyTests
{
    [Fact]
    public void ReactiveAssembly_ReferencesOnlyTheCoreSystemReactiveAndTheSharedFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var foreign = typeof(PromiseObservableExtensions).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name is not ("PromiseJs" or "System.Reactive"))
            .Where(name => !File.Exists(Path.Combine(frameworkDirectory, name + ".dll")))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(foreign.Count == 0, $"PromiseJs.Reactive references unexpected assemblies: {string.Join(", ", foreign)}");
    }

    [Fact]
    public void CoreAssembly_DoesNotReferenceSystemReactive()
    {
        var references = typeof(Promise).Assembly.GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.DoesNotContain("System.Reactive", references);
    }

    [Fact]
    public void ProjectFiles_OnlyTheReactiveProjectDeclaresSystemReactive()
    {
        string root = RepositoryPaths.Root;
        var declaring = new[] { "src", "tests", "property-tests", "samples" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(project => XDocument.Load(project).Descendants()
                .Any(element => element.Name.LocalName is "PackageReference" or "GlobalPackageReference"
                    && (string?)element.Attribute("Include") == "System.Reactive"))
            .Select(project => Path.GetRelativePath(root, project).Replace('\\', '/'))
            .ToList();

        Assert.Equal(["src/PromiseJs.Reactive/PromiseJs.Reactive.csproj"], declaring);
    }
}
