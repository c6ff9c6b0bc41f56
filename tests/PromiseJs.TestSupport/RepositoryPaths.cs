namespace PromiseJs.TestSupport;

/// <summary>Finds files of the repository from the test's output folder.</summary>
/// <remarks>
/// Walks up from <see cref="AppContext.BaseDirectory"/> to the folder that holds PromiseJs.sln.
/// <c>[CallerFilePath]</c> cannot be used: CI builds (ContinuousIntegrationBuild) rewrite source paths.
/// </remarks>
public static class RepositoryPaths
{
    private const string SolutionFileName = "PromiseJs.sln";

    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>Gets the repository's root folder (the one containing PromiseJs.sln).</summary>
    public static string Root => s_root.Value;

    /// <summary>Combines repository-relative path segments (forward slashes allowed) into a full path.</summary>
    public static string Combine(params string[] relativeSegments)
    {
        var path = Root;
        foreach (var segment in relativeSegments)
        {
            path = Path.Combine(path, segment.Replace('/', Path.DirectorySeparatorChar));
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} found in {AppContext.BaseDirectory} or any folder above it.");
    }
}
