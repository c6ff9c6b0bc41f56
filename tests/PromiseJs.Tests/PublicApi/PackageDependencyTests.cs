using System.Reflection;
using System.Xml.Linq;

namespace PromiseJs.Tests.PublicApi;

/// <summary>The core assembly depends on the shared framework only: no packages, ever.</summary>
public sealed class PackageDependencyTests
{
    [Fact]
    public void ReferencedAssemblies_AllBelongToSharedFramework()
    {
        var assembly = Assembly.Load(new AssemblyName("PromiseJs"));

        // The runtime folder of Microsoft.NETCore.App: every assembly of the shared framework lives there,
        // so a package that borrows a System.* name (System.Reactive) is still caught.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var foreign = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !IsFrameworkName(name) || !File.Exists(Path.Combine(frameworkDirectory, name + ".dll")))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(foreign.Count == 0, $"PromiseJs references assemblies outside the shared framework: {string.Join(", ", foreign)}");
    }

    [Fact]
    public void ProjectFiles_DeclareNoPackageReferences()
    {
        // The project itself and every props file MSBuild imports into it could add a package.
        string[] files =
        [
            "src/PromiseJs/PromiseJs.csproj",
            "src/Directory.Build.props",
            "Directory.Build.props",
        ];

        foreach (var file in files)
        {
            var document = XDocument.Load(RepositoryPaths.Combine(file));
            var references = document.Descendants()
                .Where(element => element.Name.LocalName is "PackageReference" or "GlobalPackageReference")
                .Select(element => (string?)element.Attribute("Include") ?? element.ToString())
                .ToList();

            Assert.True(references.Count == 0, $"{file} declares package references: {string.Join(", ", references)}");
        }

        var packages = XDocument.Load(RepositoryPaths.Combine("Directory.Packages.props"));
        var global = packages.Descendants()
            .Where(element => element.Name.LocalName == "GlobalPackageReference")
            .Select(element => (string?)element.Attribute("Include") ?? element.ToString())
            .ToList();
        Assert.True(global.Count == 0, $"Directory.Packages.props adds packages to every project: {string.Join(", ", global)}");
    }

    private static bool IsFrameworkName(string name) =>
        name is "netstandard" or "mscorlib" or "System"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal);
}
