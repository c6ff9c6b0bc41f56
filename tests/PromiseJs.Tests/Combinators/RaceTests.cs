using PromiseJs.Tests.TestSupport;

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

    [Fact]
    public void Race_AgainstANeverSettlingPromiseManyTimesInARow_LeavesItNoReactions()
    {
        var never = Promise.WithResolvers<int>().Promise;

        long sum = PromiseLoop.Run(async () =>
        {
            long total = 0;
            for (int i = 0; i < 100_000; i++)
            {
                total += await Promise.Race(never, Promise.Resolve(i));
            }

            return total;
        });

        Assert.Equal(4_999_950_000L, sum);
        Assert.Equal(0, Reactions.CountOn(never));
    }

    [Fact]
    public void Race_ManyAtOnceAgainstANeverSettlingPromise_LeavesItNoReactions()
    {
        var never = Promise.WithResolvers<int>().Promise;

        int[] winners = PromiseLoop.Run(() =>
            Promise.All(Enumerable.Range(0, 1_000).Select(i => Promise.Race(never, Promise.Resolve(i)))));

        Assert.Equal(Enumerable.Range(0, 1_000), winners);
        Assert.Equal(0, Reactions.CountOn(never));
    }

    [Fact]
    public void Race_AgainstANeverSettlingPromise_TheSettledRacesCanBeCollected()
    {
        var never = Promise.WithResolvers<int>().Promise;
        var races = new List<WeakReference>();

        PromiseLoop.Run(async () =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                var race = Promise.Race(never, Promise.Resolve(i));
                races.Add(new WeakReference(race));
                await race;
            }
        });
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // Had `never` kept a reaction per race, every race (its coordinator) would still be reachable from it.
        Assert.True(races.Count(r => r.IsAlive) <= 1, $"{races.Count(r => r.IsAlive)} settled races are still reachable");
        GC.KeepAlive(never);
    }

    [Fact]
    public void Race_LoserRejectsLater_IsNotReportedAsUnhandled()
    {
        int value = PromiseLoop.Run(() =>
        {
            var loser = Promise.WithResolvers<int>();
            return Promise.Race(loser.Promise, Promise.Resolve(1))
                .Finally(() => PromiseLoop.SetImmediate(() => loser.Reject(new FormatException("lost the race"))));
        });

        Assert.Equal(1, value);
    }

    [Fact]
    public void Race_SamePromiseTwice_SettlesOnce()
    {
        int value = PromiseLoop.Run(() =>
        {
            var shared = Promise.WithResolvers<int>();
            var race = Promise.Race(shared.Promise, shared.Promise);
            PromiseLoop.SetImmediate(() => shared.Resolve(4));
            return race;
        });

        Assert.Equal(4, value);
    }

    [Fact]
    public void Race_InputsSettledOnOtherThreads_SettlesWithOneOfThem()
    {
        // The combinator's jobs go to the shared thread-pool queue, not to the xunit worker this test blocks.
        using var noContext = SynchronizationContextScope.None();

        var inputs = Enumerable.Range(0, 50).Select(_ => Promise.WithResolvers<int>()).ToArray();
        var race = Promise.Race(inputs.Select(r => r.Promise));

        Parallel.For(0, inputs.Length, i => inputs[i].Resolve(i));

        Assert.InRange(race.Wait(TestTimeouts.Generous), 0, 49);
    }
}
