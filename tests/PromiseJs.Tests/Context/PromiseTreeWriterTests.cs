using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PromiseJs.Context;
using PromiseJs.Scheduling;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary><see cref="PromiseContext.ToTreeJson(bool)"/> and <see cref="PromiseContext.ToTreeDot()"/>: the tree
/// <see cref="PromiseContext.ToTreeString()"/> prints, for tools — parsed back with <see cref="JsonDocument"/>, and DOT
/// checked line by line, names with quotes and line breaks included.</summary>
public sealed class PromiseTreeWriterTests
{
    [Fact]
    public void ToTreeJson_PendingTree_HasEveryNodeWithItsNameStateTimeSettingsAndChildren()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new()
        {
            Name = "crawl",
            TimeProvider = clock,
            Start = PromiseStart.Eager,
            ChildrenStart = PromiseStart.Lazy,
            Scheduler = PromiseScheduler.ThreadPool,
        });
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var a = new PromiseContext(new() { Parent = root, Name = "/a" });
        new PromiseContext(new() { Parent = a, Name = "/a/1" });
        clock.Advance(TimeSpan.FromSeconds(1.5));
        new PromiseContext(new() { Parent = root, Name = "/b", Start = PromiseStart.Eager });

        using JsonDocument document = JsonDocument.Parse(root.ToTreeJson());

        JsonElement node = document.RootElement;
        Assert.Equal("crawl", node.GetProperty("name").GetString());
        Assert.Equal("pending", node.GetProperty("state").GetString());
        Assert.Equal(2.0, node.GetProperty("pendingSeconds").GetDouble());
        Assert.False(node.GetProperty("cancelled").GetBoolean());
        Assert.Equal("Eager", node.GetProperty("start").GetString());
        Assert.Equal("Lazy", node.GetProperty("childrenStart").GetString());
        Assert.Equal("ThreadPool", node.GetProperty("scheduler").GetString());
        JsonElement[] children = [.. node.GetProperty("children").EnumerateArray()];
        Assert.Equal(["/a", "/b"], children.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(1.5, children[0].GetProperty("pendingSeconds").GetDouble());
        Assert.Equal("Lazy", children[0].GetProperty("start").GetString());
        Assert.Equal("Eager", children[1].GetProperty("start").GetString());
        Assert.Equal("Lazy", children[1].GetProperty("childrenStart").GetString());
        JsonElement grandchild = Assert.Single(children[0].GetProperty("children").EnumerateArray());
        Assert.Equal("/a/1", grandchild.GetProperty("name").GetString());
        Assert.Empty(grandchild.GetProperty("children").EnumerateArray());
    }

    [Fact]
    public void ToTreeJson_NameWithQuotesBackslashesLineBreaksAndMarkup_RoundTrips()
    {
        const string Name = "say \"hi\"\\\n\tthen <bye> & 'é' \u0001";
        var root = new PromiseContext(new() { Name = Name, Orphan = true });

        string json = root.ToTreeJson();

        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(Name, document.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void ToTreeJson_SettledAndCancelledNodes_ShowTheirFinalStateWithoutAPendingTime()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        (PromiseContext done, PromiseContext failed) = FulfilledAndRejectedNodes();
        var cancelled = new PromiseContext(new() { Name = "cancelled", Orphan = true });
        cancelled.Cancel();

        using JsonDocument doneJson = JsonDocument.Parse(done.ToTreeJson());
        using JsonDocument failedJson = JsonDocument.Parse(failed.ToTreeJson());
        using JsonDocument cancelledJson = JsonDocument.Parse(cancelled.ToTreeJson());

        Assert.Equal("fulfilled", doneJson.RootElement.GetProperty("state").GetString());
        Assert.False(doneJson.RootElement.TryGetProperty("pendingSeconds", out _));
        Assert.Equal("rejected", failedJson.RootElement.GetProperty("state").GetString());
        Assert.False(failedJson.RootElement.TryGetProperty("pendingSeconds", out _));
        Assert.Equal("pending", cancelledJson.RootElement.GetProperty("state").GetString());
        Assert.True(cancelledJson.RootElement.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public void ToTreeJson_UnnamedNodeWithoutChildrenPolicy_UsesThePlaceholderAndNull()
    {
        var root = new PromiseContext(new() { Orphan = true });

        using JsonDocument document = JsonDocument.Parse(root.ToTreeJson());

        Assert.Equal("(unnamed)", document.RootElement.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("childrenStart").ValueKind);
    }

    [Fact]
    public void ToTreeJson_Indented_IsTheSameTreeOnSeveralLines()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { Name = "root", TimeProvider = clock });
        new PromiseContext(new() { Parent = root, Name = "child" });

        string indented = root.ToTreeJson(indented: true);

        Assert.Contains("\n", indented, StringComparison.Ordinal);
        Assert.Equal(
            Compact(root.ToTreeJson()),
            Compact(indented));
    }

    [Fact]
    public void ToTreeJson_InsideALoop_NamesTheLoopScheduler()
    {
        string? json = null;

        PromiseLoop.Run(() =>
        {
            json = new PromiseContext(new() { Name = "in loop", Orphan = true }).ToTreeJson();
            return Promise.Resolve();
        });

        using JsonDocument document = JsonDocument.Parse(json!);
        Assert.Equal("PromiseLoop", document.RootElement.GetProperty("scheduler").GetString());
    }

    [Fact]
    public void ToTreeJson_DeepTree_IsNotLimitedByTheWritersDefaultDepth()
    {
        var root = new PromiseContext(new() { Name = "0", Orphan = true });
        PromiseContext leaf = root;
        for (int i = 1; i <= 600; i++)
        {
            leaf = new PromiseContext(new() { Parent = leaf, Name = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        using JsonDocument document = JsonDocument.Parse(root.ToTreeJson(), new JsonDocumentOptions { MaxDepth = 2000 });

        JsonElement node = document.RootElement;
        int depth = 0;
        while (node.GetProperty("children").GetArrayLength() == 1)
        {
            node = node.GetProperty("children")[0];
            depth++;
        }

        Assert.Equal(600, depth);
        Assert.Equal("600", node.GetProperty("name").GetString());
    }

    [Fact]
    public void ToTreeDot_Tree_HasOneBoxPerNodeAndAnEdgeToEachChild()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { Name = "root", TimeProvider = clock, Start = PromiseStart.Eager, Scheduler = PromiseScheduler.ThreadPool });
        var a = new PromiseContext(new() { Parent = root, Name = "a", Start = PromiseStart.Lazy });
        new PromiseContext(new() { Parent = a, Name = "a1", Start = PromiseStart.Eager });
        clock.Advance(TimeSpan.FromSeconds(1));
        var b = new PromiseContext(new() { Parent = root, Name = "b", Start = PromiseStart.Eager });
        b.Cancel();

        Assert.Equal(
            "digraph PromiseTree {\n" +
            "  node [shape=box, fontname=\"monospace\"];\n" +
            "  n0 [label=\"root\\npending 1.00s\\nstart: Eager, scheduler: ThreadPool\"];\n" +
            "  n1 [label=\"a\\npending 1.00s\\nstart: Lazy, scheduler: ThreadPool\"];\n" +
            "  n2 [label=\"a1\\npending 1.00s\\nstart: Eager, scheduler: ThreadPool\"];\n" +
            "  n1 -> n2;\n" +
            "  n0 -> n1;\n" +
            "  n3 [label=\"b\\npending 0.00s, cancelled\\nstart: Eager, scheduler: ThreadPool\", style=dashed];\n" +
            "  n0 -> n3;\n" +
            "}\n",
            root.ToTreeDot());
    }

    [Fact]
    public void ToTreeDot_NameWithQuotesBackslashesAndLineBreaks_IsEscapedInsideTheLabel()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new()
        {
            Name = "say \"hi\" \\ there\r\nnext\tline",
            TimeProvider = clock,
            Start = PromiseStart.Eager,
            Scheduler = PromiseScheduler.ThreadPool,
        });

        string dot = root.ToTreeDot();

        Assert.Contains(
            "  n0 [label=\"say \\\"hi\\\" \\\\ there\\nnext line\\npending 0.00s\\nstart: Eager, scheduler: ThreadPool\"];\n",
            dot,
            StringComparison.Ordinal);
        Assert.Equal(4, dot.Count(c => c == '\n'));
    }

    [Fact]
    public void ToTreeDot_SettledNodes_AreColouredByState()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        (PromiseContext done, PromiseContext failed) = FulfilledAndRejectedNodes();

        Assert.Contains("\\nfulfilled\\n", done.ToTreeDot(), StringComparison.Ordinal);
        Assert.Contains(", color=darkgreen];", done.ToTreeDot(), StringComparison.Ordinal);
        Assert.Contains("\\nrejected\\n", failed.ToTreeDot(), StringComparison.Ordinal);
        Assert.Contains(", color=red];", failed.ToTreeDot(), StringComparison.Ordinal);
    }

    // An explicit context completed (fulfilled) and a Promise.Run node whose work rejected (on a loop, so the node has
    // finished when Run returns: its promise is adopted two jobs later).
    private static (PromiseContext Done, PromiseContext Failed) FulfilledAndRejectedNodes()
    {
        var done = new PromiseContext(new() { Name = "done", Orphan = true });
        done.Complete();
        PromiseContext? failed = null;
        PromiseLoop.Run(() =>
        {
            Promise.Run(
                () =>
                {
                    failed = PromiseContext.Current;
                    return Promise.Reject<int>(new FormatException());
                },
                new() { Name = "failed", Orphan = true });
            return Promise.Resolve();
        });
        return (done, failed!);
    }

    private static string Compact(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
    }
}
