namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.AllKeyed{TKey, T}(IReadOnlyDictionary{TKey, Promise{T}})"/>.</summary>
public sealed class AllKeyedTests
{
    [Fact]
    public void AllKeyed_InputsSettleInAnyOrder_EachValueUnderItsKey()
    {
        var values = PromiseLoop.Run(() =>
        {
            var user = Promise.WithResolvers<string>();
            var orders = Promise.WithResolvers<string>();
            var all = Promise.AllKeyed(new Dictionary<string, Promise<string>>
            {
                ["user"] = user.Promise,
                ["orders"] = orders.Promise,
                ["settings"] = Promise.Resolve("dark"),
            });
            PromiseLoop.SetImmediate(() =>
            {
                orders.Resolve("3 orders");
                PromiseLoop.SetImmediate(() => user.Resolve("ada"));
            });
            return all;
        });

        Assert.Equal(3, values.Count);
        Assert.Equal("ada", values["user"]);
        Assert.Equal("3 orders", values["orders"]);
        Assert.Equal("dark", values["settings"]);
    }

    [Fact]
    public void AllKeyed_OneRejects_RejectsWithThatReason()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.AllKeyed(new Dictionary<int, Promise<int>>
        {
            [1] = Promise.WithResolvers<int>().Promise,
            [2] = Promise.Reject<int>(reason),
        })));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void AllKeyed_DictionaryWithAComparer_TheResultKeepsIt()
    {
        var values = PromiseLoop.Run(() => Promise.AllKeyed(new Dictionary<string, Promise<int>>(StringComparer.OrdinalIgnoreCase)
        {
            ["One"] = Promise.Resolve(1),
        }));

        Assert.Equal(1, values["ONE"]);
    }

    [Fact]
    public void AllKeyed_Empty_FulfillsAtOnceWithAnEmptyDictionary()
    {
        var all = Promise.AllKeyed(new Dictionary<string, Promise<int>>());

        Assert.Equal(PromiseState.Fulfilled, all.State);
        Assert.Empty(all.Value);
    }

    [Fact]
    public void AllKeyed_NullDictionaryOrValue_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.AllKeyed((IReadOnlyDictionary<string, Promise<int>>)null!));
        var caught = Assert.Throws<ArgumentException>(() => Promise.AllKeyed(new Dictionary<string, Promise<int>> { ["missing"] = null! }));
        Assert.Contains("missing", caught.Message, StringComparison.Ordinal);
    }
}
