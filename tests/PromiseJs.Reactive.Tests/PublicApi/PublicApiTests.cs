using System.Reflection;
using System.Text;
using PromiseJs.Tests.PublicApi;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests.PublicApi;

/// <summary>
/// Compares the public surface of PromiseJs.Reactive with the approved snapshot PromiseJs.Reactive.approved.txt beside this
/// file, rendered by the core tests' <see cref="PublicApiRenderer"/>. A change to the public API updates that file and
/// CHANGELOG.md in the same commit.
/// </summary>
public sealed class PublicApiTests
{
    private const string SnapshotFolder = "tests/PromiseJs.Reactive.Tests/PublicApi";
    private const string ApprovedFileName = "PromiseJs.Reactive.approved.txt";
    private const string ReceivedFileName = "PromiseJs.Reactive.received.txt";
    private const int MaxDiffLines = 40;

    [Fact]
    public void PublicApi_MatchesApprovedSnapshot()
    {
        var assembly = typeof(PromiseObservableExtensions).Assembly;
        var received = Normalize(PublicApiRenderer.Render(assembly));

        var approvedPath = RepositoryPaths.Combine(SnapshotFolder, ApprovedFileName);
        var receivedPath = RepositoryPaths.Combine(SnapshotFolder, ReceivedFileName);
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;

        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var message = new StringBuilder();
        message.AppendLine(approved is null
            ? $"No approved public API snapshot at {SnapshotFolder}/{ApprovedFileName}."
            : "The public API of PromiseJs.Reactive differs from the approved snapshot.");
        message.AppendLine($"The current surface was written to {SnapshotFolder}/{ReceivedFileName}.");
        message.AppendLine("If the change is intended, approve it (and add a CHANGELOG.md line under [Unreleased]):");
        message.AppendLine($"    cp {SnapshotFolder}/{ReceivedFileName} {SnapshotFolder}/{ApprovedFileName}");
        message.AppendLine();
        message.AppendLine("First differences (- approved, + received):");
        message.Append(Diff(approved ?? string.Empty, received));
        Assert.Fail(message.ToString());
    }

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    // The lines only one side has, in order, cut to the first MaxDiffLines (the surface is small: no alignment needed).
    private static string Diff(string approvedText, string receivedText)
    {
        string[] approved = approvedText.Length == 0 ? [] : approvedText.Split('\n');
        string[] received = receivedText.Length == 0 ? [] : receivedText.Split('\n');
        var approvedSet = new HashSet<string>(approved, StringComparer.Ordinal);
        var receivedSet = new HashSet<string>(received, StringComparer.Ordinal);
        IEnumerable<string> lines = approved.Where(line => !receivedSet.Contains(line)).Select(line => $"- {line}")
            .Concat(received.Where(line => !approvedSet.Contains(line)).Select(line => $"+ {line}"))
            .Take(MaxDiffLines);
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
