namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.MapSeries{TItem, T}(IEnumerable{TItem}, Func{TItem, Promise{T}}, CancellationToken)"/>.</summary>
public sealed class MapSeriesTests
{
    [Fact]
    public void MapSeries_RunsOneItemAtATimeInInputOrder()
    {
        var log = new List<string>();
        int running = 0;

        string[] values = PromiseLoop.Run(() => Promise.MapSeries(["a", "b", "c"], item =>
        {
            Assert.Equal(1, Interlocked.Increment(ref running));
            log.Add($"start {item}");
            return Promise.Delay(1).Then(() =>
            {
                Interlocked.Decrement(ref running);
                log.Add($"end {item}");
                return item.ToUpperInvariant();
            });
        }));

        Assert.Equal(["A", "B", "C"], values);
        Assert.Equal(["start a", "end a", "start b", "end b", "start c", "end c"], log);
    }

    [Fact]
    public void MapSeries_OneRejects_LaterItemsNeverStart()
    {
        var started = new List<int>();

        Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.MapSeries([1, 2, 3], n =>
        {
            started.Add(n);
            return n == 2 ? Promise.Reject<int>(new FormatException()) : Promise.Resolve(n);
        })));

        Assert.Equal([1, 2], started);
    }

    [Fact]
    public void MapSeries_EmptyItems_FulfillsAtOnce()
    {
        Assert.Empty(Promise.MapSeries(Array.Empty<int>(), n => Promise.Resolve(n)).Value);
    }
}
