using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.Any{T}(IEnumerable{Promise{T}})"/> and its <c>params</c> form.</summary>
public sealed class AnyTests
{
    [Fact]
    public void Any_FirstFulfillmentInTime_Wins()
    {
        string value = PromiseLoop.Run(() =>
        {
            var slow = Promise.WithResolvers<string>();
            var fast = Promise.WithResolvers<string>();
            var any = Promise.Any(slow.Promise, fast.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                fast.Resolve("fast");
                PromiseLoop.SetImmediate(() => slow.Resolve("slow"));
            });
            return any;
        });

        Assert.Equal("fast", value);
    }

    [Fact]
    public void Any_RejectionsBeforeAFulfillment_AreIgnored()
    {
        int value = PromiseLoop.Run(() =>
        {
            var later = Promise.WithResolvers<int>();
            var any = Promise.Any(Promise.Reject<int>(new FormatException()), later.Promise);
            PromiseLoop.SetTimeout(() => later.Resolve(7), 1);
            return any;
        });

        Assert.Equal(7, value);
    }

    [Fact]
    public void Any_AllReject_RejectsWithAggregateExceptionOfReasonsInInputOrder()
    {
        var first = new FormatException("first input");
        var second = new InvalidOperationException("second input");
        var third = new ArgumentException("third input");

        var caught = Assert.Throws<AggregateException>(() => PromiseLoop.Run(() =>
        {
            var a = Promise.WithResolvers<int>();
            var b = Promise.WithResolvers<int>();
            var c = Promise.WithResolvers<int>();
            var any = Promise.Any(a.Promise, b.Promise, c.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                c.Reject(third);
                PromiseLoop.SetImmediate(() =>
                {
                    b.Reject(second);
                    PromiseLoop.SetImmediate(() => a.Reject(first));
                });
            });
            return any;
        }));

        Assert.Equal([first, second, third], caught.InnerExceptions);
    }

    [Fact]
    public void Any_EmptyInput_RejectsWithAnEmptyAggregateException()
    {
        var any = Promise.Any(Enumerable.Empty<Promise<int>>());

        Assert.Equal(PromiseState.Rejected, any.State);
        var reason = Assert.IsType<AggregateException>(any.Reason);
        Assert.Empty(reason.InnerExceptions);
        Assert.Same(reason, Assert.Throws<AggregateException>(() => any.Wait()));
    }

    [Fact]
    public void Any_EmptyParams_RejectsWithAnEmptyAggregateException()
    {
        var any = Promise.Any<int>();

        var reason = Assert.IsType<AggregateException>(any.Reason);
        Assert.Empty(reason.InnerExceptions);
        any.Catch(_ => 0);
    }

    [Fact]
    public void Any_NullElementOrInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Promise.Any(Promise.Resolve(1), null!));
        Assert.Throws<ArgumentNullException>(() => Promise.Any((IEnumerable<Promise<int>>)null!));
    }

    [Fact]
    public void Any_EnumerableWithSideEffects_IsEnumeratedOnce()
    {
        int enumerations = 0;
        IEnumerable<Promise<int>> Inputs()
        {
            enumerations++;
            yield return Promise.Reject<int>(new FormatException());
            yield return Promise.Resolve(2);
        }

        Assert.Equal(2, PromiseLoop.Run(() => Promise.Any(Inputs())));
        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void Any_FulfillsEarly_LetsGoOfThePendingInputs()
    {
        var pending = Promise.WithResolvers<int>();

        int value = PromiseLoop.Run(() => Promise.Any(pending.Promise, Promise.Resolve(5)));

        Assert.Equal(5, value);
        Assert.Equal(0, Reactions.CountOn(pending.Promise));
    }

    [Fact]
    public void Any_InputsSettleInReverseOrderAndAllReject_ReasonsStayInInputOrder()
    {
        var reasons = Enumerable.Range(0, 5).Select(i => new FormatException(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var caught = Assert.Throws<AggregateException>(() => PromiseLoop.Run(() =>
        {
            var inputs = reasons.Select(_ => Promise.WithResolvers<int>()).ToArray();
            var any = Promise.Any(inputs.Select(r => r.Promise));
            for (int i = inputs.Length - 1; i >= 0; i--)
            {
                int index = i;
                PromiseLoop.SetTimeout(() => inputs[index].Reject(reasons[index]), inputs.Length - index);
            }

            return any;
        }));

        Assert.Equal(reasons, caught.InnerExceptions);
    }

    [Fact]
    public void Any_SamePromiseTwiceRejects_ItsReasonAppearsTwice()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<AggregateException>(() => PromiseLoop.Run(() =>
        {
            var shared = Promise.WithResolvers<int>();
            var any = Promise.Any(shared.Promise, shared.Promise);
            PromiseLoop.SetImmediate(() => shared.Reject(reason));
            return any;
        }));

        Assert.Equal([reason, reason], caught.InnerExceptions);
    }

    [Fact]
    public void Any_SettledInputs_FirstFulfilledInInputOrderWins()
    {
        int value = PromiseLoop.Run(() =>
            Promise.Any(Promise.Reject<int>(new FormatException()), Promise.Resolve(2), Promise.Resolve(3)));

        Assert.Equal(2, value);
    }
}
