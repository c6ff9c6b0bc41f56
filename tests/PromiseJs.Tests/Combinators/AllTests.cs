namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.All{T}(IEnumerable{Promise{T}})"/> and its <c>params</c> form.</summary>
public sealed class AllTests
{
    [Fact]
    public void All_InputsSettleInReverseOrder_ValuesAreInInputOrder()
    {
        int[] values = PromiseLoop.Run(() =>
        {
            var inputs = Enumerable.Range(0, 5).Select(_ => Promise.WithResolvers<int>()).ToArray();
            var all = Promise.All(inputs.Select(r => r.Promise));
            for (int i = inputs.Length - 1; i >= 0; i--)
            {
                int index = i;
                PromiseLoop.SetTimeout(() => inputs[index].Resolve(index * 10), inputs.Length - index);
            }

            return all;
        });

        Assert.Equal([0, 10, 20, 30, 40], values);
    }

    [Fact]
    public void All_ParamsForm_FulfillsWithValuesInOrder()
    {
        int[] values = PromiseLoop.Run(() => Promise.All(Promise.Resolve(1), Promise.Resolve(1).Then(x => x + 1), Promise.Resolve(3)));

        Assert.Equal([1, 2, 3], values);
    }

    [Fact]
    public void All_PendingUntilTheLastInputFulfills()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var first = Promise.WithResolvers<int>();
            var second = Promise.WithResolvers<int>();
            var all = Promise.All(first.Promise, second.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                first.Resolve(1);
                PromiseLoop.SetImmediate(() =>
                {
                    log.Add($"after first: {all.State}");
                    second.Resolve(2);
                });
            });
            return all.Then(values => log.Add($"fulfilled: {string.Join(",", values)}"));
        });

        Assert.Equal(["after first: Pending", "fulfilled: 1,2"], log);
    }

    [Fact]
    public void All_FirstRejectionInTime_WinsEvenIfALaterInputRejectedFirst()
    {
        var early = new FormatException("rejected first in time, but last in input");
        var late = new InvalidOperationException("rejected later, but first in input");

        var caught = Assert.ThrowsAny<Exception>(() => PromiseLoop.Run(() =>
        {
            var a = Promise.WithResolvers<int>();
            var b = Promise.WithResolvers<int>();
            var c = Promise.WithResolvers<int>();
            var all = Promise.All(a.Promise, b.Promise, c.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                c.Reject(early);
                PromiseLoop.SetImmediate(() =>
                {
                    a.Reject(late);
                    b.Resolve(2);
                });
            });
            return all;
        }));

        Assert.Same(early, caught);
    }

    [Fact]
    public void All_OneInputRejects_RejectsWithThatReasonWithoutWaitingForPendingInputs()
    {
        var reason = new FormatException();
        Promise<int[]>? all = null;

        Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            all = Promise.All(Promise.WithResolvers<int>().Promise, Promise.Reject<int>(reason));
            return all;
        }));

        Assert.Same(reason, all!.Reason);
    }

    [Fact]
    public void All_EmptyInput_FulfillsAtOnceWithAnEmptyArray()
    {
        var fromEnumerable = Promise.All(Enumerable.Empty<Promise<int>>());
        var fromParams = Promise.All<string>();

        Assert.Equal(PromiseState.Fulfilled, fromEnumerable.State);
        Assert.Empty(fromEnumerable.Value);
        Assert.Equal(PromiseState.Fulfilled, fromParams.State);
        Assert.Empty(fromParams.Value);
    }

    [Fact]
    public void All_NullElement_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Promise.All(Promise.Resolve(1), null!));
        Assert.Throws<ArgumentException>(() => Promise.All(new List<Promise<int>> { null! }));
    }

    [Fact]
    public void All_NullInput_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.All((IEnumerable<Promise<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => Promise.All((Promise<int>[])null!));
    }

    [Fact]
    public void All_EnumerableWithSideEffects_IsEnumeratedExactlyOnce()
    {
        int enumerations = 0;
        int produced = 0;
        IEnumerable<Promise<int>> Inputs()
        {
            enumerations++;
            for (int i = 0; i < 3; i++)
            {
                produced++;
                yield return Promise.Resolve(i);
            }
        }

        int[] values = PromiseLoop.Run(() => Promise.All(Inputs()));

        Assert.Equal([0, 1, 2], values);
        Assert.Equal(1, enumerations);
        Assert.Equal(3, produced);
    }

    [Fact]
    public void All_InputCollectionChangedAfterTheCall_UsesTheSnapshot()
    {
        var inputs = new List<Promise<int>> { Promise.Resolve(1) };

        var all = Promise.All(inputs);
        inputs.Add(Promise.WithResolvers<int>().Promise);
        inputs[0] = Promise.Resolve(100);

        Assert.Equal([1], PromiseLoop.Run(() => all));
    }

    [Fact]
    public void All_SamePromiseTwice_AppearsTwice()
    {
        var shared = Promise.Resolve(5);

        Assert.Equal([5, 5], PromiseLoop.Run(() => Promise.All(shared, shared)));
    }

    [Fact]
    public void All_OutsideLoopInputsResolvedConcurrently_ValuesInInputOrder()
    {
        var inputs = Enumerable.Range(0, 100).Select(_ => Promise.WithResolvers<int>()).ToArray();
        var all = Promise.All(inputs.Select(r => r.Promise));

        Parallel.For(0, inputs.Length, i => inputs[i].Resolve(i));

        Assert.Equal(Enumerable.Range(0, 100), all.Wait(TestSupport.TestTimeouts.Generous));
    }
}
