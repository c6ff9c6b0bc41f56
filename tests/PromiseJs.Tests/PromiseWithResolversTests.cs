namespace PromiseJs.Tests;

/// <summary><see cref="Promise.WithResolvers{T}"/> and <see cref="Promise.WithResolvers()"/>.</summary>
public sealed class PromiseWithResolversTests
{
    [Fact]
    public void WithResolversOfT_New_IsPending()
    {
        var resolvers = Promise.WithResolvers<int>();

        Assert.Equal(PromiseState.Pending, resolvers.Promise.State);
    }

    [Fact]
    public void WithResolversOfT_Resolve_FulfillsWithTheValue()
    {
        var resolvers = Promise.WithResolvers<string>();

        resolvers.Resolve("done");

        Assert.Equal(PromiseState.Fulfilled, resolvers.Promise.State);
        Assert.Equal("done", resolvers.Promise.Value);
    }

    [Fact]
    public void WithResolversOfT_Reject_RejectsWithTheReason()
    {
        var resolvers = Promise.WithResolvers<string>();
        var reason = new FormatException();

        resolvers.Reject(reason);

        Assert.Same(reason, resolvers.Promise.Reason);
        resolvers.Promise.Catch(_ => "");
    }

    [Fact]
    public void WithResolversOfT_SecondCalls_AreIgnored()
    {
        var resolvers = Promise.WithResolvers<int>();

        resolvers.Resolve(1);
        resolvers.Resolve(2);
        resolvers.Reject(new FormatException());

        Assert.Equal(1, resolvers.Promise.Value);
    }

    [Fact]
    public void WithResolversOfT_RejectFirst_LaterResolveIgnored()
    {
        var resolvers = Promise.WithResolvers<int>();
        var reason = new FormatException();

        resolvers.Reject(reason);
        resolvers.Resolve(2);

        Assert.Same(reason, resolvers.Promise.Reason);
        resolvers.Promise.Catch(_ => 0);
    }

    [Fact]
    public async Task WithResolversOfT_ConcurrentResolvers_ExactlyOneWins()
    {
        for (int round = 0; round < 100; round++)
        {
            var resolvers = Promise.WithResolvers<int>();
            using var start = new Barrier(4);
            Task[] racers = [.. Enumerable.Range(1, 4).Select(i => Task.Run(() =>
            {
                start.SignalAndWait();
                resolvers.Resolve(i);
            }))];
            await Task.WhenAll(racers);

            int winner = resolvers.Promise.Value;
            Assert.InRange(winner, 1, 4);
            Assert.Equal(winner, await resolvers.Promise);
        }
    }

    [Fact]
    public void WithResolvers_Resolve_Fulfills()
    {
        var resolvers = Promise.WithResolvers();

        Assert.Equal(PromiseState.Pending, resolvers.Promise.State);
        resolvers.Resolve();

        Assert.Equal(PromiseState.Fulfilled, resolvers.Promise.State);
    }

    [Fact]
    public void WithResolvers_Reject_RejectsAndLaterResolveIsIgnored()
    {
        var resolvers = Promise.WithResolvers();
        var reason = new FormatException();

        resolvers.Reject(reason);
        resolvers.Resolve();

        Assert.Equal(PromiseState.Rejected, resolvers.Promise.State);
        Assert.Same(reason, resolvers.Promise.Reason);
        resolvers.Promise.Catch(_ => { });
    }

    [Fact]
    public void WithResolvers_EachCall_IsANewPendingPromise()
    {
        Assert.NotSame(Promise.WithResolvers().Promise, Promise.WithResolvers().Promise);
        Assert.NotSame(Promise.WithResolvers<int>().Promise, Promise.WithResolvers<int>().Promise);
    }
}
