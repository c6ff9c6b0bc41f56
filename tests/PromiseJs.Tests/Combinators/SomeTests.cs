using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Some{T}(IEnumerable{Promise{T}}, int)"/>.</summary>
public sealed class SomeTests
{
    [Fact]
    public void Some_MoreFulfillThanNeeded_FulfillsWithTheFirstCountInArrivalOrder()
    {
        int[] values = PromiseLoop.Run(() =>
        {
            var inputs = Enumerable.Range(0, 5).Select(_ => Promise.WithResolvers<int>()).ToArray();
            var some = Promise.Some(inputs.Select(r => r.Promise), 3);
            PromiseLoop.SetImmediate(() =>
            {
                inputs[4].Resolve(4);
                inputs[1].Resolve(1);
                PromiseLoop.SetImmediate(() =>
                {
                    inputs[3].Resolve(3);
                    inputs[0].Resolve(0);
                    inputs[2].Resolve(2);
                });
            });
            return some;
        });

        Assert.Equal([4, 1, 3], values);
    }

    [Fact]
    public void Some_RejectionsLeaveEnoughPossible_StillFulfills()
    {
        int[] values = PromiseLoop.Run(() =>
            Promise.Some([Promise.Reject<int>(new FormatException()), Promise.Resolve(1), Promise.Resolve(2)], 2));

        Assert.Equal([1, 2], values);
    }

    [Fact]
    public void Some_TooManyReject_RejectsAsSoonAsItIsImpossibleWithReasonsInArrivalOrder()
    {
        var first = new FormatException("first to reject");
        var second = new InvalidOperationException("second to reject");
        var log = new List<string>();

        var caught = Assert.Throws<AggregateException>(() => PromiseLoop.Run(() =>
        {
            var a = Promise.WithResolvers<int>();
            var b = Promise.WithResolvers<int>();
            var c = Promise.WithResolvers<int>();
            var some = Promise.Some([a.Promise, b.Promise, c.Promise], 2);
            PromiseLoop.SetImmediate(() =>
            {
                c.Reject(first);
                PromiseLoop.SetImmediate(() =>
                {
                    log.Add($"after one rejection: {some.State}");
                    a.Reject(second);
                    PromiseLoop.SetImmediate(() => log.Add($"b still pending: {b.Promise.State}, some: {some.State}"));
                });
            });
            return some;
        }));

        Assert.Equal([first, second], caught.InnerExceptions);
        Assert.Equal(["after one rejection: Pending", "b still pending: Pending, some: Rejected"], log);
    }

    [Fact]
    public void Some_CountZero_FulfillsAtOnceWithAnEmptyArray()
    {
        var some = Promise.Some([Promise.WithResolvers<int>().Promise], 0);

        Assert.Equal(PromiseState.Fulfilled, some.State);
        Assert.Empty(some.Value);
    }

    [Fact]
    public void Some_CountLargerThanTheInput_RejectsAtOnceWithAnAggregateException()
    {
        var some = Promise.Some([Promise.Resolve(1)], 2);

        Assert.Equal(PromiseState.Rejected, some.State);
        var reason = Assert.IsType<AggregateException>(some.Reason);
        Assert.Empty(reason.InnerExceptions);
        Assert.StartsWith("Promise.Some needs 2 fulfillments but was given only 1 promise, so it can never fulfill", reason.Message, StringComparison.Ordinal);
        some.Catch(_ => Array.Empty<int>());
    }

    [Fact]
    public void Some_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Some([Promise.Resolve(1)], -1));
        Assert.Throws<ArgumentNullException>(() => Promise.Some((IEnumerable<Promise<int>>)null!, 1));
        Assert.Throws<ArgumentException>(() => Promise.Some([Promise.Resolve(1), null!], 1));
    }

    [Fact]
    public void Some_FulfillsEarly_LetsGoOfThePendingInputs()
    {
        var pending = Promise.WithResolvers<int>();

        int[] values = PromiseLoop.Run(() => Promise.Some([pending.Promise, Promise.Resolve(1), Promise.Resolve(2)], 2));

        Assert.Equal([1, 2], values);
        Assert.Equal(0, Reactions.CountOn(pending.Promise));
    }
}
