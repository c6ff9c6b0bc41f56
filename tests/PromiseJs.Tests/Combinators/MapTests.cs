using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Map{TItem, T}(IEnumerable{TItem}, Func{TItem, Promise{T}}, int, CancellationToken)"/>.</summary>
public sealed class MapTests
{
    [Fact]
    public void Map_ItemsCompleteInReverseOrder_ValuesAreInInputOrder()
    {
        var clock = new FakeTimeProvider();

        string[] values = PromiseLoop.Run(() =>
        {
            var map = Promise.Map(
                [1, 2, 3, 4],
                n => Promise.Delay(TimeSpan.FromSeconds(10 - n), clock).Then(() => $"item {n}"));
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromSeconds(10)));
            return map;
        });

        Assert.Equal(["item 1", "item 2", "item 3", "item 4"], values);
    }

    [Fact]
    public void Map_Concurrency_NeverMoreItemsInProgressThanTheLimit()
    {
        const int Limit = 3;
        int running = 0;
        int maxRunning = 0;
        var resolvers = new List<Action<int>>();

        int[] values = PromiseLoop.Run(() =>
        {
            var map = Promise.Map(
                Enumerable.Range(0, 20),
                n =>
                {
                    int now = Interlocked.Increment(ref running);
                    InterlockedMax(ref maxRunning, now);
                    var work = Promise.WithResolvers<int>();
                    resolvers.Add(value =>
                    {
                        Interlocked.Decrement(ref running);
                        work.Resolve(value);
                    });
                    return work.Promise;
                },
                Limit);

            // Finish the oldest item in progress, one per loop turn, until all are done.
            int finished = 0;
            void FinishOne()
            {
                Assert.Equal(Math.Min(Limit, 20 - finished), Volatile.Read(ref running));
                resolvers[finished](finished * 10);
                finished++;
                if (finished < 20)
                {
                    PromiseLoop.SetImmediate(FinishOne);
                }
            }

            PromiseLoop.SetImmediate(FinishOne);
            return map;
        });

        Assert.Equal(Limit, maxRunning);
        Assert.Equal(Enumerable.Range(0, 20).Select(n => n * 10), values);
    }

    [Fact]
    public void Map_FirstItemsStartInsideTheCallTheRestAsPlacesFree()
    {
        var started = new List<int>();

        PromiseLoop.Run(() =>
        {
            var gates = Enumerable.Range(0, 4).Select(_ => Promise.WithResolvers<int>()).ToArray();
            var map = Promise.Map([0, 1, 2, 3], n =>
            {
                started.Add(n);
                return gates[n].Promise;
            }, concurrency: 2);
            Assert.Equal([0, 1], started);
            gates[1].Resolve(1);

            // Item 1's promise settled, but its job (one tick later) starts item 2.
            Assert.Equal([0, 1], started);
            return Promise.Resolve().Then(() =>
            {
                Assert.Equal([0, 1, 2], started);
                gates[0].Resolve(0);
                gates[2].Resolve(2);
                gates[3].Resolve(3);
                return map;
            });
        });

        Assert.Equal([0, 1, 2, 3], started);
    }

    [Fact]
    public void Map_OneRejects_RejectsWithItAndStartsNoMoreItems()
    {
        var reason = new FormatException();
        var started = new List<int>();
        Promise<int[]>? map = null;

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            var gates = Enumerable.Range(0, 6).Select(_ => Promise.WithResolvers<int>()).ToArray();
            map = Promise.Map(Enumerable.Range(0, 6), n =>
            {
                started.Add(n);
                return gates[n].Promise;
            }, concurrency: 2);
            PromiseLoop.SetImmediate(() =>
            {
                gates[1].Reject(reason);
                PromiseLoop.SetImmediate(() => gates[0].Resolve(0));
            });
            return map;
        }));

        Assert.Same(reason, caught);
        Assert.Equal([0, 1], started);
    }

    [Fact]
    public void Map_MapperThrows_RejectsWithWhatItThrew()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.Map([1, 2, 3], n => n == 2 ? throw reason : Promise.Resolve(n))));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Map_MapperReturnsNull_RejectsNamingTheItemAndStartsNoMore()
    {
        var started = new List<int>();

        var caught = Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => Promise.Map(
            [1, 2, 3],
            n =>
            {
                started.Add(n);
                return n == 2 ? null! : Promise.Resolve($"v{n}");
            },
            1)));

        Assert.Contains("index 1", caught.Message, StringComparison.Ordinal);
        Assert.Contains("Promise.Resolve(value)", caught.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2], started);
    }

    [Fact]
    public void MapSeries_MapperReturnsNull_Rejects()
    {
        Promise<string[]> mapped = Promise.MapSeries<int, string>([1], _ => null!);

        var caught = Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => mapped));

        Assert.Contains("returned null", caught.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Cancelled_RejectsWithOperationCanceledAndStartsNoMoreItems()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new List<int>();

        var caught = Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            var gates = Enumerable.Range(0, 5).Select(_ => Promise.WithResolvers<int>()).ToArray();
            var map = Promise.Map(Enumerable.Range(0, 5), n =>
            {
                started.Add(n);
                return gates[n].Promise;
            }, 1, cancellation.Token);
            PromiseLoop.SetImmediate(() =>
            {
                cancellation.Cancel();
                gates[0].Resolve(0);
            });
            return map;
        }));

        Assert.Equal(cancellation.Token, caught.CancellationToken);
        Assert.Equal([0], started);
    }

    [Fact]
    public void Map_AlreadyCancelled_RejectsWithoutCallingTheMapper()
    {
        int calls = 0;

        var map = Promise.Map([1, 2], n =>
        {
            calls++;
            return Promise.Resolve(n);
        }, cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal(PromiseState.Rejected, map.State);
        Assert.IsAssignableFrom<OperationCanceledException>(map.Reason);
        Assert.Equal(0, calls);
        map.Catch(_ => Array.Empty<int>());
    }

    [Fact]
    public void Map_EmptyItems_FulfillsAtOnceWithAnEmptyArray()
    {
        var map = Promise.Map(Array.Empty<int>(), n => Promise.Resolve(n));

        Assert.Equal(PromiseState.Fulfilled, map.State);
        Assert.Empty(map.Value);
    }

    [Fact]
    public void Map_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.Map((IEnumerable<int>)null!, n => Promise.Resolve(n)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Map([1], n => Promise.Resolve(n), 0));
    }

    [Fact]
    public void Map_LaterItems_RunInTheExecutionContextOfTheCall()
    {
        var local = new AsyncLocal<string>();
        var seen = new List<string?>();

        PromiseLoop.Run(() =>
        {
            local.Value = "caller";
            var map = Promise.Map([1, 2, 3], n =>
            {
                seen.Add(local.Value);
                return Promise.Resolve(n);
            }, 1);
            local.Value = "changed later";
            return map;
        });

        Assert.Equal(["caller", "caller", "caller"], seen);
    }

    [Fact]
    public void Map_OutsideLoop_ValuesInInputOrder()
    {
        // The combinator's jobs go to the shared thread-pool queue, not to the xunit worker this test blocks.
        using var noContext = SynchronizationContextScope.None();

        var map = Promise.Map(Enumerable.Range(0, 100), n => Promise.From(Task.Run(() => n * 2)), 8);

        Assert.Equal(Enumerable.Range(0, 100).Select(n => n * 2), map.Wait(TestTimeouts.Generous));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
