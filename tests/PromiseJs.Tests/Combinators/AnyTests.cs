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
}
