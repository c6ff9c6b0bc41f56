// Checks the packed .nupkg and .snupkg files as a user would find them: the metadata NuGet shows, the package's own
// README, both target frameworks with their XML docs, and Source Link in every PDB. Run by .ci/run after `dotnet pack`:
//   dotnet run .ci/check-packages.cs -- <folder with the packages>
// Prints one line per package and exits with 1 when anything is missing.
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run .ci/check-packages.cs -- <folder with .nupkg and .snupkg files>");
    return 2;
}

var problems = new List<string>();
string[] packages = Directory.GetFiles(args[0], "*.nupkg");
if (packages.Length == 0)
{
    problems.Add($"no .nupkg in {args[0]}");
}

foreach (string package in packages)
{
    string name = Path.GetFileName(package);
    int before = problems.Count;
    void Problem(string text) => problems.Add($"{name}: {text}");

    using (ZipArchive zip = ZipFile.OpenRead(package))
    {
        ZipArchiveEntry? nuspecEntry = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        if (nuspecEntry is null)
        {
            Problem("no .nuspec");
            continue;
        }

        XElement metadata;
        using (Stream stream = nuspecEntry.Open())
        {
            XDocument nuspec = XDocument.Load(stream);
            metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        string? Read(string element) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;
        foreach (string required in new[] { "id", "version", "authors", "description", "copyright", "projectUrl", "readme", "license", "tags" })
        {
            if (string.IsNullOrWhiteSpace(Read(required)))
            {
                Problem($"nuspec has no <{required}>");
            }
        }

        XElement? repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository");
        string? url = repository?.Attribute("url")?.Value;
        string? commit = repository?.Attribute("commit")?.Value;
        if (url is null || !url.StartsWith("https://", StringComparison.Ordinal))
        {
            Problem($"nuspec <repository> has no https url (found '{url}')");
        }

        if (commit is null || !Regex.IsMatch(commit, "^[0-9a-f]{40}$"))
        {
            Problem($"nuspec <repository> has no commit (found '{commit}')");
        }

        if (Read("readme") is { } readme)
        {
            ZipArchiveEntry? readmeEntry = zip.GetEntry(readme);
            if (readmeEntry is null)
            {
                Problem($"the readme '{readme}' is not in the package");
            }
            else
            {
                using var reader = new StreamReader(readmeEntry.Open());
                string text = reader.ReadToEnd();
                string id = Read("id") ?? "?";
                if (!text.StartsWith($"# {id}\n", StringComparison.Ordinal) || text.Contains("--project samples", StringComparison.Ordinal))
                {
                    Problem("the readme is not the package's own (it should start with '# <id>' and not speak of the repository's samples)");
                }
            }
        }

        foreach (string framework in new[] { "net8.0", "net10.0" })
        {
            string id = Read("id") ?? "?";
            foreach (string extension in new[] { ".dll", ".xml" })
            {
                if (zip.GetEntry($"lib/{framework}/{id}{extension}") is null)
                {
                    Problem($"lib/{framework}/{id}{extension} is missing");
                }
            }
        }
    }

    string symbols = Path.ChangeExtension(package, ".snupkg");
    if (!File.Exists(symbols))
    {
        Problem("no .snupkg beside it");
    }
    else
    {
        using ZipArchive zip = ZipFile.OpenRead(symbols);
        ZipArchiveEntry[] pdbs = zip.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToArray();
        if (pdbs.Length == 0)
        {
            Problem("the .snupkg holds no PDB");
        }

        foreach (ZipArchiveEntry pdb in pdbs)
        {
            if (SourceLinkOf(pdb) is not { } sourceLink)
            {
                Problem($"{pdb.FullName} has no Source Link");
            }
            else if (!sourceLink.Contains("https://", StringComparison.Ordinal))
            {
                Problem($"{pdb.FullName} has Source Link without an https url: {sourceLink}");
            }
        }
    }

    Console.WriteLine(problems.Count == before ? $"ok   {name}" : $"FAIL {name}");
}

foreach (string problem in problems)
{
    Console.Error.WriteLine(problem);
}

return problems.Count == 0 ? 0 : 1;

// The Source Link JSON of a portable PDB (custom debug information of the module), or null.
static string? SourceLinkOf(ZipArchiveEntry pdb)
{
    var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    using var copy = new MemoryStream();
    using (Stream stream = pdb.Open())
    {
        stream.CopyTo(copy);
    }

    copy.Position = 0;
    using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(copy);
    MetadataReader reader = provider.GetMetadataReader();
    foreach (CustomDebugInformationHandle handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
    {
        CustomDebugInformation information = reader.GetCustomDebugInformation(handle);
        if (reader.GetGuid(information.Kind) == sourceLinkKind)
        {
            byte[] json = reader.GetBlobBytes(information.Value);
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("documents").ToString();
        }
    }

    return null;
}
