namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Reduce{TItem, TAccumulate}(IEnumerable{TItem}, Func{TAccumulate, TItem, Promise{TAccumulate}}, TAccumulate, CancellationToken)"/>.</summary>
public sealed class ReduceTests
{
    [Fact]
    public void Reduce_FoldsOneItemAtATimeInOrder()
    {
        var log = new List<string>();

        string result = PromiseLoop.Run(() => Promise.Reduce(["a", "b", "c"], (text, item) =>
        {
            log.Add($"{text}+{item}");
            return Promise.Delay(1).Then(() => text + item);
        }, ">"));

        Assert.Equal(">abc", result);
        Assert.Equal([">+a", ">a+b", ">ab+c"], log);
    }

    [Fact]
    public void Reduce_NoItems_FulfillsAtOnceWithTheSeed()
    {
        var reduce = Promise.Reduce(Array.Empty<int>(), (sum, n) => Promise.Resolve(sum + n), 42);

        Assert.Equal(42, reduce.Value);
    }

    [Fact]
    public void Reduce_AStepRejects_RejectsWithItAndStops()
    {
        var reason = new FormatException();
        var seen = new List<int>();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Reduce([1, 2, 3], (sum, n) =>
        {
            seen.Add(n);
            return n == 2 ? Promise.Reject<int>(reason) : Promise.Resolve(sum + n);
        }, 0)));

        Assert.Same(reason, caught);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void Reduce_ReducerThrows_Rejects()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Reduce([1, 2], (int sum, int n) => n == 2 ? throw reason : Promise.Resolve(sum + n), 0)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Reduce_Cancelled_RejectsWithOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            var gate = Promise.WithResolvers<int>();
            var reduce = Promise.Reduce([1, 2], (sum, n) => n == 1 ? gate.Promise : Promise.Resolve(sum + n), 0, cancellation.Token);
            PromiseLoop.SetImmediate(cancellation.Cancel);
            return reduce;
        }));
    }
}
