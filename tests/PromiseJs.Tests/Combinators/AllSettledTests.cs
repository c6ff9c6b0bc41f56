using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.AllSettled{T}(IEnumerable{Promise{T}})"/> and its <c>params</c> form.</summary>
public sealed class AllSettledTests
{
    [Fact]
    public void AllSettled_MixedOutcomes_NeverRejectsAndReportsEachInInputOrder()
    {
        var reason = new FormatException();

        PromiseSettledResult<int>[] results = PromiseLoop.Run(() =>
        {
            var late = Promise.WithResolvers<int>();
            var all = Promise.AllSettled(late.Promise, Promise.Reject<int>(reason), Promise.Resolve(3));
            PromiseLoop.SetImmediate(() => late.Resolve(1));
            return all;
        });

        Assert.Equal(3, results.Length);
        Assert.Equal(PromiseState.Fulfilled, results[0].Status);
        Assert.Equal(1, results[0].Value);
        Assert.Null(results[0].Reason);
        Assert.Equal(PromiseState.Rejected, results[1].Status);
        Assert.Same(reason, results[1].Reason);
        Assert.Equal(default, results[1].Value);
        Assert.Equal(PromiseState.Fulfilled, results[2].Status);
        Assert.Equal(3, results[2].Value);
    }

    [Fact]
    public void AllSettled_AllReject_StillFulfills()
    {
        var first = new FormatException();
        var second = new InvalidOperationException();

        var results = PromiseLoop.Run(() => Promise.AllSettled(new[] { Promise.Reject<string>(first), Promise.Reject<string>(second) }.AsEnumerable()));

        Assert.All(results, r => Assert.Equal(PromiseState.Rejected, r.Status));
        Assert.Same(first, results[0].Reason);
        Assert.Same(second, results[1].Reason);
        Assert.All(results, r => Assert.Null(r.Value));
    }

    [Fact]
    public void AllSettled_InputsSettleInReverseOrder_ResultsInInputOrder()
    {
        var results = PromiseLoop.Run(() =>
        {
            var inputs = Enumerable.Range(0, 4).Select(_ => Promise.WithResolvers<int>()).ToArray();
            var all = Promise.AllSettled(inputs.Select(r => r.Promise));
            for (int i = inputs.Length - 1; i >= 0; i--)
            {
                int index = i;
                PromiseLoop.SetTimeout(() => inputs[index].Resolve(index), inputs.Length - index);
            }

            return all;
        });

        Assert.Equal([0, 1, 2, 3], results.Select(r => r.Value));
    }

    [Fact]
    public void AllSettled_PendingUntilEveryInputSettles()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var pending = Promise.WithResolvers<int>();
            var all = Promise.AllSettled(Promise.Reject<int>(new FormatException()), pending.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                log.Add(all.State.ToString());
                pending.Resolve(1);
            });
            return all.Then(results => log.Add($"settled {results.Length}"));
        });

        Assert.Equal(["Pending", "settled 2"], log);
    }

    [Fact]
    public void AllSettled_EmptyInput_FulfillsAtOnceWithAnEmptyArray()
    {
        var all = Promise.AllSettled(Array.Empty<Promise<int>>());

        Assert.Equal(PromiseState.Fulfilled, all.State);
        Assert.Empty(all.Value);
    }

    [Fact]
    public void AllSettled_NullElementOrInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Promise.AllSettled(Promise.Resolve(1), null!));
        Assert.Throws<ArgumentNullException>(() => Promise.AllSettled((IEnumerable<Promise<int>>)null!));
    }

    [Fact]
    public void AllSettled_EnumerableWithSideEffects_IsEnumeratedOnce()
    {
        int enumerations = 0;
        IEnumerable<Promise<int>> Inputs()
        {
            enumerations++;
            yield return Promise.Resolve(1);
            yield return Promise.Resolve(2);
        }

        var results = PromiseLoop.Run(() => Promise.AllSettled(Inputs()));

        Assert.Equal(1, enumerations);
        Assert.Equal([1, 2], results.Select(r => r.Value));
    }

    [Fact]
    public void AllSettled_TupleOfDifferentTypes_ReportsEachOutcomeInOrder()
    {
        var reason = new FormatException();

        var (number, text) = PromiseLoop.Run(() => Promise.AllSettled((Promise.Resolve(1), Promise.Reject<string>(reason))));

        Assert.Equal(PromiseState.Fulfilled, number.Status);
        Assert.Equal(1, number.Value);
        Assert.Equal(PromiseState.Rejected, text.Status);
        Assert.Same(reason, text.Reason);
    }

    [Fact]
    public void AllSettled_TupleOfSeven_StaticTypeIsATupleOfResults()
    {
        var settled = Promise.AllSettled((
            Promise.Resolve(1), Promise.Resolve("2"), Promise.Resolve(3.0), Promise.Resolve('4'),
            Promise.Resolve(5L), Promise.Resolve(true), Promise.Resolve(7m)));

        Assert.Equal(
            typeof(Promise<(PromiseSettledResult<int>, PromiseSettledResult<string>, PromiseSettledResult<double>, PromiseSettledResult<char>,
                PromiseSettledResult<long>, PromiseSettledResult<bool>, PromiseSettledResult<decimal>)>),
            StaticType.Of(settled));
        var results = PromiseLoop.Run(() => settled);
        Assert.Equal(7m, results.Item7.Value);
        Assert.Equal("2", results.Item2.Value);
    }

    [Fact]
    public void AllSettled_TupleNullElement_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Promise.AllSettled(((Promise<int>)null!, Promise.Resolve("a"))));
    }

    [Fact]
    public void AllSettled_SamePendingPromiseTwice_ReportsItInBothPlaces()
    {
        var results = PromiseLoop.Run(() =>
        {
            var shared = Promise.WithResolvers<int>();
            var all = Promise.AllSettled(shared.Promise, Promise.Resolve(2), shared.Promise);
            PromiseLoop.SetImmediate(() => shared.Resolve(1));
            return all;
        });

        Assert.Equal([1, 2, 1], results.Select(r => r.Value));
    }
}
