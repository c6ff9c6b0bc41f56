using Microsoft.Extensions.Time.Testing;
using PromiseJs.Context;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary><see cref="PromiseContext.ToTreeString()"/>: the live tree of a context — names, states, how long each node has
/// been pending (on the node's <see cref="TimeProvider"/>, a fake clock here), drawn like <c>pstree</c>.</summary>
public sealed class ContextDiagnosticsTests
{
    [Fact]
    public void ToTreeString_PendingTree_ShowsNamesStatesPendingTimesAndBranches()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { Name = "crawl", TimeProvider = clock });
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var a = new PromiseContext(new() { Parent = root, Name = "/a" });
        clock.Advance(TimeSpan.FromSeconds(0.25));
        new PromiseContext(new() { Parent = a, Name = "/a/1" });
        clock.Advance(TimeSpan.FromSeconds(0.75));
        new PromiseContext(new() { Parent = root, Name = "/b" });
        clock.Advance(TimeSpan.FromSeconds(1));

        string tree = root.ToTreeString();

        Assert.Equal(
            "crawl [pending 2.50s]\n" +
            "├─ /a [pending 2.00s]\n" +
            "│  └─ /a/1 [pending 1.75s]\n" +
            "└─ /b [pending 1.00s]\n",
            tree);
    }

    [Fact]
    public void ToTreeString_DeeperTree_ContinuesTheVerticalLinesOfOpenBranches()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { Name = "root", TimeProvider = clock });
        var a = new PromiseContext(new() { Parent = root, Name = "a" });
        var a1 = new PromiseContext(new() { Parent = a, Name = "a1" });
        new PromiseContext(new() { Parent = a1, Name = "a1x" });
        new PromiseContext(new() { Parent = a, Name = "a2" });
        new PromiseContext(new() { Parent = root, Name = "b" });

        Assert.Equal(
            "root [pending 0.00s]\n" +
            "├─ a [pending 0.00s]\n" +
            "│  ├─ a1 [pending 0.00s]\n" +
            "│  │  └─ a1x [pending 0.00s]\n" +
            "│  └─ a2 [pending 0.00s]\n" +
            "└─ b [pending 0.00s]\n",
            root.ToTreeString());
    }

    [Fact]
    public void ToTreeString_SettledChildren_AreNotShown()
    {
        var clock = new FakeTimeProvider();
        var never = Promise.WithResolvers<int>();
        PromiseContext root = null!;

        // On a loop (the tree's scheduler), so the finished work's node has finished when Run returns: its promise is
        // adopted two jobs later.
        PromiseLoop.Run(() =>
        {
            root = new PromiseContext(new() { Name = "root", TimeProvider = clock });
            new PromiseContext(new() { Parent = root, Name = "done" }).Complete();
            Promise.Run(() => Promise.Resolve(1), new() { Parent = root, Name = "finished work" });
            Promise.Run(() => never.Promise, new() { Parent = root, Name = "running work" });
            return Promise.Resolve();
        });
        clock.Advance(TimeSpan.FromMilliseconds(1234));

        Assert.Equal(
            "root [pending 1.23s]\n" +
            "└─ running work [pending 1.23s]\n",
            root.ToTreeString());
    }

    [Fact]
    public void ToTreeString_SettledNodeItself_ShowsItsFinalState()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var completed = new PromiseContext(new() { Name = "explicit" });
        completed.Complete();
        PromiseContext? fulfilledNode = null;
        PromiseContext? rejectedNode = null;
        PromiseLoop.Run(() =>
        {
            Promise.Run(
                () =>
                {
                    fulfilledNode = PromiseContext.Current;
                    return Promise.Resolve(1);
                },
                new() { Name = "ok" });
            Promise.Run(
                () =>
                {
                    rejectedNode = PromiseContext.Current;
                    return Promise.Reject<int>(new FormatException());
                },
                new() { Name = "failed" });
            return Promise.Resolve();
        });

        Assert.Equal("explicit [fulfilled]\n", completed.ToTreeString());
        Assert.Equal("ok [fulfilled]\n", fulfilledNode!.ToTreeString());
        Assert.Equal("failed [rejected]\n", rejectedNode!.ToTreeString());
    }

    [Fact]
    public void ToTreeString_CancelledPendingNode_IsMarkedCancelled()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { Name = "root", TimeProvider = clock });
        new PromiseContext(new() { Parent = root, Name = "child" });
        clock.Advance(TimeSpan.FromSeconds(3));

        root.Cancel();

        Assert.Equal(
            "root [pending 3.00s, cancelled]\n" +
            "└─ child [pending 3.00s, cancelled]\n",
            root.ToTreeString());
    }

    [Fact]
    public void ToTreeString_UnnamedNodes_ShowAPlaceholder()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { TimeProvider = clock });
        new PromiseContext(new() { Parent = root });

        Assert.Equal(
            "(unnamed) [pending 0.00s]\n" +
            "└─ (unnamed) [pending 0.00s]\n",
            root.ToTreeString());
    }

    [Fact]
    public void ToTreeString_WorkNodesInsideRun_ShowTheLiveChildrenOfTheWork()
    {
        var clock = new FakeTimeProvider();
        var release = Promise.WithResolvers<int>();
        string? tree = null;

        PromiseLoop.Run(() => Promise.Run(
            async () =>
            {
                Promise<int> first = Promise.Run(() => release.Promise, new() { Name = "fetch /a" });
                clock.Advance(TimeSpan.FromSeconds(0.5));
                Promise<int> second = Promise.Run(() => release.Promise, new() { Name = "fetch /b" });
                clock.Advance(TimeSpan.FromSeconds(0.25));
                tree = PromiseContext.RequireCurrent().ToTreeString();
                release.Resolve(1);
                return await first + await second;
            },
            new() { Name = "crawl", TimeProvider = clock }));

        Assert.Equal(
            "crawl [pending 0.75s]\n" +
            "├─ fetch /a [pending 0.75s]\n" +
            "└─ fetch /b [pending 0.25s]\n",
            tree);
    }

    [Fact]
    public void TimeProvider_NotSet_IsInheritedFromTheParentElseTheSystemClock()
    {
        var clock = new FakeTimeProvider();
        var root = new PromiseContext(new() { TimeProvider = clock });

        Assert.Same(clock, new PromiseContext(new() { Parent = root }).TimeProvider);
        Assert.Same(TimeProvider.System, new PromiseContext(new() { Orphan = true }).TimeProvider);
    }
}
