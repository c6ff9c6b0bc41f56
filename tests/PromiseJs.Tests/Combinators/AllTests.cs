using PromiseJs.Tests.TestSupport;

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

    // ----- typed heterogeneous forms (a tuple of promises) -----

    [Fact]
    public void All_TupleOfDifferentTypes_FulfillsWithATupleInOrder()
    {
        (int, string) values = PromiseLoop.Run(() =>
        {
            var number = Promise.WithResolvers<int>();
            var text = Promise.WithResolvers<string>();
            var all = Promise.All((number.Promise, text.Promise));
            PromiseLoop.SetImmediate(() =>
            {
                text.Resolve("two");
                PromiseLoop.SetImmediate(() => number.Resolve(1));
            });
            return all;
        });

        Assert.Equal((1, "two"), values);
    }

    [Fact]
    public void All_TupleOfSeven_FulfillsWithEveryValue()
    {
        var values = PromiseLoop.Run(() => Promise.All((
            Promise.Resolve(1), Promise.Resolve("2"), Promise.Resolve(3.0), Promise.Resolve('4'),
            Promise.Resolve(5L), Promise.Resolve(true), Promise.Resolve(7m))));

        Assert.Equal((1, "2", 3.0, '4', 5L, true, 7m), values);
    }

    [Fact]
    public void All_TupleStaticType_IsAPromiseOfTheTuple()
    {
        // The combinator's jobs go to the shared thread-pool queue, not to the xunit worker this test blocks.
        using var noContext = SynchronizationContextScope.None();

        var all = Promise.All((Promise.Resolve(1), Promise.Resolve("a")));

        Assert.Equal(typeof(Promise<(int, string)>), StaticType.Of(all));
        all.Wait(TestTimeouts.Generous);
    }

    [Fact]
    public void All_TupleOneRejects_RejectsWithThatReason()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.All((Promise.WithResolvers<int>().Promise, Promise.Reject<string>(reason), Promise.Resolve(3)))));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void All_TupleNullElement_ThrowsArgumentException()
    {
        var caught = Assert.Throws<ArgumentException>(() => Promise.All((Promise.Resolve(1), (Promise<string>)null!)));

        Assert.Equal("promises", caught.ParamName);
        Assert.Contains("Item2", caught.Message, StringComparison.Ordinal);
    }

    // ----- overload binding -----

    [Fact]
    public void All_TwoPromisesOfTheSameType_StayAPromiseOfAnArray()
    {
        var p1 = Promise.Resolve(1);
        var p2 = Promise.Resolve(2);

        var all = Promise.All(p1, p2);
        var fromList = Promise.All(new List<Promise<int>> { p1, p2 });

        Assert.Equal(typeof(Promise<int[]>), StaticType.Of(all));
        Assert.Equal(typeof(Promise<int[]>), StaticType.Of(fromList));
        Assert.Equal([1, 2], PromiseLoop.Run(() => all));
    }

    [Fact]
    public void All_PromisesOfDifferentTypes_BindToTheValueLessForm()
    {
        var all = Promise.All(Promise.Resolve(1), Promise.Resolve("a"), Promise.Resolve());

        Assert.Equal(typeof(Promise), StaticType.Of(all));
        PromiseLoop.Run(() => all);
        Assert.Equal(PromiseState.Fulfilled, all.State);
    }

    // ----- value-less -----

    [Fact]
    public void All_ValueLess_FulfillsOnceEveryInputFulfilled()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var first = Promise.WithResolvers();
            var second = Promise.WithResolvers();
            var all = Promise.All(first.Promise, second.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                second.Resolve();
                PromiseLoop.SetImmediate(() =>
                {
                    log.Add($"after second: {all.State}");
                    first.Resolve();
                });
            });
            return all.Then(() => log.Add("fulfilled"));
        });

        Assert.Equal(["after second: Pending", "fulfilled"], log);
    }

    [Fact]
    public void All_ValueLessOneRejects_RejectsWithTheFirstRejectionInTime()
    {
        var early = new FormatException();

        var caught = Assert.ThrowsAny<Exception>(() => PromiseLoop.Run(() =>
        {
            var a = Promise.WithResolvers();
            var b = Promise.WithResolvers();
            var all = Promise.All(new List<Promise> { a.Promise, b.Promise });
            PromiseLoop.SetImmediate(() =>
            {
                b.Reject(early);
                PromiseLoop.SetImmediate(() => a.Reject(new InvalidOperationException("later")));
            });
            return all;
        }));

        Assert.Same(early, caught);
    }

    [Fact]
    public void All_ValueLessEmptyOrNull_FulfillsAtOnceOrThrows()
    {
        Assert.Equal(PromiseState.Fulfilled, Promise.All(Array.Empty<Promise>()).State);
        Assert.Equal(PromiseState.Fulfilled, Promise.All(Enumerable.Empty<Promise>()).State);
        Assert.Throws<ArgumentNullException>(() => Promise.All((IEnumerable<Promise>)null!));
        Assert.Throws<ArgumentException>(() => Promise.All(Promise.Resolve(), null!));
    }

    // ----- one coordinator, duplicates, letting go -----

    [Fact]
    public void All_SamePendingPromiseTwice_FillsBothPlaces()
    {
        int[] values = PromiseLoop.Run(() =>
        {
            var shared = Promise.WithResolvers<int>();
            var other = Promise.WithResolvers<int>();
            var all = Promise.All(shared.Promise, other.Promise, shared.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                shared.Resolve(7);
                PromiseLoop.SetImmediate(() =>
                {
                    Assert.Equal(PromiseState.Pending, all.State);
                    other.Resolve(8);
                });
            });
            return all;
        });

        Assert.Equal([7, 8, 7], values);
    }

    [Fact]
    public void All_PendingInputs_AllocatesOnlyTheSnapshotAndOneCoordinator()
    {
        const int Count = 1_000;
        long allocated = 0;

        int[] values = PromiseLoop.Run(() =>
        {
            var inputs = new Promise<int>[Count];
            var resolvers = new Action<int>[Count];
            for (int i = 0; i < Count; i++)
            {
                var resolver = Promise.WithResolvers<int>();
                inputs[i] = resolver.Promise;
                resolvers[i] = resolver.Resolve;
            }

            Promise.All(Promise.Resolve(0), Promise.Resolve(1)); // warm up: JIT, the queue
            long before = GC.GetAllocatedBytesForCurrentThread();
            var all = Promise.All(inputs);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            for (int i = Count - 1; i >= 0; i--)
            {
                resolvers[i](i);
            }

            return all;
        });

        Assert.Equal(Enumerable.Range(0, Count), values);

        // The snapshot (an array of Count references) and the coordinator; nothing per input.
        long snapshot = (IntPtr.Size * Count) + 32;
        Assert.InRange(allocated, snapshot, snapshot + 256);
    }

    [Fact]
    public void All_SettledInputs_AllocatesOnlyTheSnapshotAndOneCoordinator()
    {
        const int Count = 1_000;
        var inputs = Enumerable.Range(0, Count).Select(i => Promise.Resolve(i)).ToArray();
        long allocated = 0;

        int[] values = PromiseLoop.Run(() =>
        {
            Promise.All(Promise.Resolve(0), Promise.Resolve(1)); // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            var all = Promise.All(inputs);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return all;
        });

        Assert.Equal(Enumerable.Range(0, Count), values);
        long snapshot = (IntPtr.Size * Count) + 32;
        Assert.InRange(allocated, snapshot, snapshot + 256);
    }

    [Fact]
    public void All_RejectsEarly_LetsGoOfThePendingInputs()
    {
        var pending = Promise.WithResolvers<int>();

        Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.All(pending.Promise, Promise.Reject<int>(new FormatException()), pending.Promise)));

        Assert.Equal(0, Reactions.CountOn(pending.Promise));
    }

    [Fact]
    public void All_InputRejectsAfterTheResultRejected_IsNotReportedAsUnhandled()
    {
        // As in JavaScript, a promise handed to Promise.all stays handled; the test guard fails on any report.
        Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            var late = Promise.WithResolvers<int>();
            var all = Promise.All(late.Promise, Promise.Reject<int>(new FormatException()));
            return all.Finally(() => PromiseLoop.SetImmediate(() => late.Reject(new InvalidOperationException("late"))));
        }));
    }

    [Fact]
    public void All_SettledInputsSeveralRejected_RejectsWithTheFirstInInputOrder()
    {
        var first = new FormatException("first in input order");

        var caught = Assert.ThrowsAny<Exception>(() => PromiseLoop.Run(() =>
            Promise.All(Promise.Resolve(1), Promise.Reject<int>(first), Promise.Reject<int>(new InvalidOperationException()))));

        Assert.Same(first, caught);
    }
}
