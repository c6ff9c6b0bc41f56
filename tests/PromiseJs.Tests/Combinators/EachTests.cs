namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Each{TItem}(IEnumerable{TItem}, Func{TItem, Promise}, CancellationToken)"/>.</summary>
public sealed class EachTests
{
    [Fact]
    public void Each_RunsOneItemAtATimeAndFulfillsAfterTheLast()
    {
        var log = new List<string>();

        PromiseLoop.Run(() => Promise.Each([1, 2, 3], n =>
        {
            log.Add($"start {n}");
            return Promise.Delay(4 - n).Then(() => log.Add($"end {n}"));
        }).Then(() => log.Add("done")));

        Assert.Equal(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3", "done"], log);
    }

    [Fact]
    public void Each_ActionReturnsPromisesOfValues_WaitsForThem()
    {
        var seen = new List<int>();

        PromiseLoop.Run(() => Promise.Each([1, 2], n => Promise.Resolve(n * 10).Then(x =>
        {
            seen.Add(x);
            return x;
        })));

        Assert.Equal([10, 20], seen);
    }

    [Fact]
    public void Each_OneRejects_RejectsAndStopsThere()
    {
        var reason = new FormatException();
        var started = new List<int>();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Each([1, 2, 3], n =>
        {
            started.Add(n);
            return n == 2 ? Promise.Reject(reason) : Promise.Resolve();
        })));

        Assert.Same(reason, caught);
        Assert.Equal([1, 2], started);
    }

    [Fact]
    public void Each_ActionReturnsNull_GoesOnToTheNextItem()
    {
        var seen = new List<int>();

        PromiseLoop.Run(() => Promise.Each([1, 2, 3], n =>
        {
            seen.Add(n);
            return null;
        }));

        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public void Each_Cancelled_Rejects()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() => Promise.Each([1, 2, 3], n =>
        {
            cancellation.Cancel();
            return Promise.Resolve();
        }, cancellation.Token)));
    }

    [Fact]
    public void Each_EmptyItems_FulfillsAtOnce()
    {
        Assert.Equal(PromiseState.Fulfilled, Promise.Each(Array.Empty<int>(), n => Promise.Resolve()).State);
    }
}
