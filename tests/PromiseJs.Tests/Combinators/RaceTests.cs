namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Race{T}(IEnumerable{Promise{T}})"/> and its <c>params</c> form.</summary>
public sealed class RaceTests
{
    [Fact]
    public void Race_FirstSettlementIsAFulfillment_FulfillsWithIt()
    {
        int value = PromiseLoop.Run(() =>
        {
            var slow = Promise.WithResolvers<int>();
            var fast = Promise.WithResolvers<int>();
            var race = Promise.Race(slow.Promise, fast.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                fast.Resolve(2);
                slow.Reject(new FormatException("too late"));
            });
            return race;
        });

        Assert.Equal(2, value);
    }

    [Fact]
    public void Race_FirstSettlementIsARejection_RejectsWithIt()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            var slow = Promise.WithResolvers<int>();
            var fast = Promise.WithResolvers<int>();
            var race = Promise.Race(new[] { slow.Promise, fast.Promise }.AsEnumerable());
            PromiseLoop.SetImmediate(() =>
            {
                fast.Reject(reason);
                slow.Resolve(1);
            });
            return race;
        }));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Race_AlreadySettledInputs_FirstInInputOrderWins()
    {
        int value = PromiseLoop.Run(() => Promise.Race(Promise.Resolve(1), Promise.Resolve(2)));

        Assert.Equal(1, value);
    }

    [Fact]
    public void Race_EmptyInput_StaysPendingAfterTheLoopRan()
    {
        Promise<int>? fromParams = null;
        Promise<int>? fromEnumerable = null;

        PromiseLoop.Run(() =>
        {
            fromParams = Promise.Race<int>();
            fromEnumerable = Promise.Race(Enumerable.Empty<Promise<int>>());
            return Promise.Delay(1);
        });

        Assert.Equal(PromiseState.Pending, fromParams!.State);
        Assert.Equal(PromiseState.Pending, fromEnumerable!.State);
    }

    [Fact]
    public void Race_NullElementOrInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Promise.Race(Promise.Resolve(1), null!));
        Assert.Throws<ArgumentNullException>(() => Promise.Race((IEnumerable<Promise<int>>)null!));
    }

    [Fact]
    public void Race_EnumerableWithSideEffects_IsEnumeratedOnce()
    {
        int enumerations = 0;
        IEnumerable<Promise<int>> Inputs()
        {
            enumerations++;
            yield return Promise.Resolve(3);
        }

        Assert.Equal(3, PromiseLoop.Run(() => Promise.Race(Inputs())));
        Assert.Equal(1, enumerations);
    }
}
