using System.Reflection;
using System.Text;
using PublicApiGenerator;

namespace PromiseJs.TestSupport;

/// <summary>The approved-snapshot check both public-API tests (core and Reactive) run: render the public surface as C#
/// (PublicApiGenerator), compare it with the approved file, and on a difference write the received file, show a diff and
/// say how to approve.</summary>
public static class ApprovedSnapshot
{
    private const int MaxDiffLines = 40;

    // Assembly attributes are left out: they describe the build (target framework, repository metadata), not the surface.
    private static readonly ApiGeneratorOptions s_options = new() { IncludeAssemblyAttributes = false };

    /// <summary>Fails with a diff (and writes the received file) unless <paramref name="assembly"/>'s public surface equals
    /// <c>{name}.approved.txt</c> in <paramref name="snapshotFolder"/> (relative to the repository root).</summary>
    public static void Verify(Assembly assembly, string snapshotFolder, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        string approvedFileName = name + ".approved.txt";
        string receivedFileName = name + ".received.txt";
        var received = Normalize(assembly.GeneratePublicApi(s_options));

        var approvedPath = RepositoryPaths.Combine(snapshotFolder, approvedFileName);
        var receivedPath = RepositoryPaths.Combine(snapshotFolder, receivedFileName);
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;

        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var message = new StringBuilder();
        message.AppendLine(approved is null
            ? $"No approved public API snapshot at {snapshotFolder}/{approvedFileName}."
            : $"The public API of {name} differs from the approved snapshot.");
        message.AppendLine($"The current surface was written to {snapshotFolder}/{receivedFileName}.");
        message.AppendLine("If the change is intended, approve it (and add a CHANGELOG.md line under [Unreleased]):");
        message.AppendLine($"    cp {snapshotFolder}/{receivedFileName} {snapshotFolder}/{approvedFileName}");
        message.AppendLine();
        message.AppendLine("First differences (- approved, + received):");
        message.Append(Diff(approved ?? string.Empty, received));
        Assert.Fail(message.ToString());
    }

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    // A line diff (longest common subsequence) of the two texts, cut to the first MaxDiffLines changes.
    private static string Diff(string approvedText, string receivedText)
    {
        var approved = approvedText.Length == 0 ? [] : approvedText.Split('\n');
        var received = receivedText.Length == 0 ? [] : receivedText.Split('\n');
        var lines = new List<string>();

        if ((long)approved.Length * received.Length > 25_000_000)
        {
            // Too large for the table: show the first line that differs and what follows it.
            var first = 0;
            while (first < approved.Length && first < received.Length && approved[first] == received[first])
            {
                first++;
            }

            lines.AddRange(approved.Skip(first).Take(MaxDiffLines / 2).Select((line, i) => $"- {first + i + 1,5}: {line}"));
            lines.AddRange(received.Skip(first).Take(MaxDiffLines / 2).Select((line, i) => $"+ {first + i + 1,5}: {line}"));
            return string.Join(Environment.NewLine, lines) + Environment.NewLine;
        }

        // common[i, j] = length of the longest common subsequence of approved[i..] and received[j..].
        var common = new int[approved.Length + 1, received.Length + 1];
        for (var i = approved.Length - 1; i >= 0; i--)
        {
            for (var j = received.Length - 1; j >= 0; j--)
            {
                common[i, j] = approved[i] == received[j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var a = 0;
        var r = 0;
        var changes = 0;
        while ((a < approved.Length || r < received.Length) && changes < MaxDiffLines)
        {
            if (a < approved.Length && r < received.Length && approved[a] == received[r])
            {
                a++;
                r++;
            }
            else if (r < received.Length && (a == approved.Length || common[a, r + 1] > common[a + 1, r]))
            {
                lines.Add($"+ {r + 1,5}: {received[r]}");
                r++;
                changes++;
            }
            else
            {
                lines.Add($"- {a + 1,5}: {approved[a]}");
                a++;
                changes++;
            }
        }

        if (changes == MaxDiffLines)
        {
            lines.Add("… (more differences in the received file)");
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
