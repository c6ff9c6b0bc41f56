namespace PromiseJs.Tests;

/// <summary>LINQ query syntax over <see cref="Promise{T}"/>: <c>Select</c>, <c>SelectMany</c> and <c>Where</c>.</summary>
public sealed class PromiseLinqTests
{
    [Fact]
    public void Query_TwoFromsAndASelect_CombinesBothValues()
    {
        int sum = PromiseLoop.Run(() =>
            from a in Promise.Resolve(20)
            from b in Promise.Delay(1).Then(() => 22)
            select a + b);

        Assert.Equal(42, sum);
    }

    [Fact]
    public void Query_SecondFromDependsOnTheFirst_RunsInSequence()
    {
        var log = new List<string>();

        string result = PromiseLoop.Run(() =>
            from user in Fetch("user", "ada")
            from orders in Fetch("orders of " + user, 3)
            select $"{user}: {orders} orders");

        Assert.Equal("ada: 3 orders", result);
        Assert.Equal(["user", "orders of ada"], log);

        Promise<T> Fetch<T>(string what, T value)
        {
            log.Add(what);
            return Promise.Delay(1).Then(() => value);
        }
    }

    [Fact]
    public void Query_Select_ProjectsTheValue()
    {
        var projected = from x in Promise.Resolve(3) select x.ToString(System.Globalization.CultureInfo.InvariantCulture) + "!";

        Assert.Equal(typeof(Promise<string>), TestSupport.StaticType.Of(projected));
        Assert.Equal("3!", PromiseLoop.Run(() => projected));
    }

    [Fact]
    public void Select_SelectorReturnsAPromise_IsAdoptedNotNested()
    {
        var adopted = Promise.Resolve(2).Select(x => Promise.Delay(1).Then(() => x * 10));

        Assert.Equal(typeof(Promise<int>), TestSupport.StaticType.Of(adopted));
        Assert.Equal(20, PromiseLoop.Run(() => adopted));
    }

    [Fact]
    public void Query_WherePredicateHolds_PassesTheValueOn()
    {
        int value = PromiseLoop.Run(() => from x in Promise.Resolve(5) where x > 0 select x * 2);

        Assert.Equal(10, value);
    }

    [Fact]
    public void Query_WherePredicateFails_RejectsWithAClearInvalidOperationException()
    {
        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => from x in Promise.Resolve(-5) where x > 0 select x * 2));

        Assert.Contains("Where predicate", caught.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_SourceRejects_RejectionPassesThroughEverySelector()
    {
        var reason = new FormatException();
        int calls = 0;

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            from a in Promise.Reject<int>(reason)
            from b in Promise.Resolve(++calls)
            where ++calls > 0
            select a + b + ++calls));

        Assert.Same(reason, caught);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Query_SelectorThrows_Rejects()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            from a in Promise.Resolve(1)
            from b in Promise.Resolve(2)
            select a + b > 0 ? throw reason : 0));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void SelectMany_CollectionSelectorReturnsNull_CountsAsDefault()
    {
        int value = PromiseLoop.Run(() => Promise.Resolve(4).SelectMany(x => (Promise<int>?)null, (a, b) => a + b));

        Assert.Equal(4, value);
    }

    [Fact]
    public void Query_HandlersRunAsynchronously_NeverInsideTheQuery()
    {
        bool ran = false;

        PromiseLoop.Run(() =>
        {
            var query = from x in Promise.Resolve(1) where Mark() select x;
            Assert.False(ran);
            return query;
        });

        Assert.True(ran);

        bool Mark() => ran = true;
    }
}
