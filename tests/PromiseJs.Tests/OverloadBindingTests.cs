using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>
/// The contract's binding table: everyday lambdas must compile without ambiguity, bind to the overload with the stated static
/// type, and have the stated outcome. A wrong binding fails to compile or fails the static-type assertion.
/// </summary>
public sealed class OverloadBindingTests
{
    private static readonly Exception s_error = new InvalidOperationException("e");

    private static Promise<string?> Fulfilled() => Promise.Resolve<string?>("value");

    private static Promise<string?> Rejected() => Promise.Reject<string?>(new FormatException("original"));

    [Fact]
    public void Catch_LambdaThrowingWrappedException_IsPromiseOfTRejectingWithTheNewException()
    {
        Exception? reason = PromiseLoop.Run(() =>
        {
            Promise<string?> p = Rejected();
            var result = p.Catch(x => throw new InvalidOperationException("wrapped", x));
            Assert.Equal(typeof(Promise<string?>), StaticType.Of(result));
            return result.Then(_ => (Exception?)null, e => e);
        });

        var wrapped = Assert.IsType<InvalidOperationException>(reason);
        Assert.Equal("wrapped", wrapped.Message);
        Assert.IsType<FormatException>(wrapped.InnerException);
    }

    [Fact]
    public void Catch_LambdaReturningNull_IsPromiseOfTFulfillingWithNull()
    {
        string? value = PromiseLoop.Run(() =>
        {
            var result = Rejected().Catch(x => null);
            Assert.Equal(typeof(Promise<string?>), StaticType.Of(result));
            return result;
        });

        Assert.Null(value);
    }

    [Fact]
    public void Then_LambdaReturningAConcreteThenableClass_FulfillsWithTheObjectAsPromiseResolveDoes()
    {
        // Adoption is type-directed, one rule for Then and Promise.Resolve: a concrete class is a value.
        var thenable = new ScriptedThenable<int>((resolve, reject) => resolve(5));

        (ScriptedThenable<int> fromThen, ScriptedThenable<int> fromResolve) = PromiseLoop.Run(() =>
        {
            var viaThen = Promise.Resolve(0).Then(x => thenable);
            var viaResolve = Promise.Resolve(thenable);
            Assert.Equal(typeof(Promise<ScriptedThenable<int>>), StaticType.Of(viaThen));
            Assert.Equal(typeof(Promise<ScriptedThenable<int>>), StaticType.Of(viaResolve));
            return Promise.All((viaThen, viaResolve));
        });

        Assert.Same(thenable, fromThen);
        Assert.Same(thenable, fromResolve);
        Assert.Equal(0, thenable.ThenCalls);
    }

    [Fact]
    public void Then_LambdaReturningIThenable_AdoptsItAsPromiseResolveOfIThenableDoes()
    {
        var thenable = new ScriptedThenable<int>((resolve, reject) => resolve(5));

        (int fromThen, int fromResolve) = PromiseLoop.Run(() =>
        {
            var viaThen = Promise.Resolve(0).Then(x => (IThenable<int>)thenable);
            var viaResolve = Promise.Resolve((IThenable<int>)thenable);
            Assert.Equal(typeof(Promise<int>), StaticType.Of(viaThen));
            Assert.Equal(typeof(Promise<int>), StaticType.Of(viaResolve));
            return Promise.All((viaThen, viaResolve));
        });

        Assert.Equal(5, fromThen);
        Assert.Equal(5, fromResolve);
        Assert.Equal(2, thenable.ThenCalls);
    }

    [Fact]
    public void Then_MethodGroupReturningIThenable_AdoptsIt()
    {
        static IThenable<int> Make(int x) => new ScriptedThenable<int>((resolve, reject) => resolve(x + 1));

        int value = PromiseLoop.Run(() =>
        {
            var result = Promise.Resolve(41).Then(Make);
            Assert.Equal(typeof(Promise<int>), StaticType.Of(result));
            return result;
        });

        Assert.Equal(42, value);
    }

    [Fact]
    public void Then_ExplicitNullableStringLambdaReturningNull_FulfillsWithNull()
    {
        string? value = PromiseLoop.Run(() =>
        {
            var result = Fulfilled().Then<string?>(x => null);
            Assert.Equal(typeof(Promise<string?>), StaticType.Of(result));
            return result;
        });

        Assert.Null(value);
    }

    [Fact]
    public void Then_BlockLambdaThatOnlyThrows_CompilesAndRejectsWithThatException()
    {
        Exception e = s_error;
        Promise? result = null;

        var thrown = Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() =>
        {
            result = Fulfilled().Then(x => { throw e; });
            return result;
        }));

        Assert.Same(e, thrown);
        Assert.Same(e, result!.Reason);
    }

    [Fact]
    public void Finally_LambdaThatThrows_CompilesAndRejectsWithThatException()
    {
        Exception e = s_error;

        var thrown = Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() =>
        {
            var result = Fulfilled().Finally(() => throw e);
            Assert.Equal(typeof(Promise<string?>), StaticType.Of(result));
            return result;
        }));

        Assert.Same(e, thrown);
    }

    [Fact]
    public void Try_ExplicitIntLambdaThatThrows_IsPromiseOfIntRejectingWithThatException()
    {
        Exception e = s_error;

        var result = Promise.Try<int>(() => throw e);

        Assert.Equal(typeof(Promise<int>), StaticType.Of(result));
        Assert.Same(e, Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => result)));
    }

    [Fact]
    public void Resolve_NullString_IsPromiseOfNullableStringFulfilledWithNull()
    {
        var result = Promise.Resolve((string?)null);

        Assert.Equal(typeof(Promise<string?>), StaticType.Of(result));
        Assert.Equal(PromiseState.Fulfilled, result.State);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Then_LambdaReturningDelay_BindsToPromiseReturningHandlerAndAdoptsIt()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var result = Fulfilled().Then(x => Promise.Delay(TimeSpan.FromSeconds(10), clock));
            Assert.Equal(typeof(Promise), StaticType.Of(result));
            result.Then(() => log.Add("settled"));
            PromiseLoop.SetImmediate(() =>
            {
                log.Add("advance");
                clock.Advance(TimeSpan.FromSeconds(10));
            });
            return result;
        });

        // Had the delay's promise been the handler's value (a Promise<Promise>), "settled" would come first.
        Assert.Equal(["advance", "settled"], log);
    }

    [Fact]
    public void Then_AsyncBlockLambda_BindsToTaskReturningHandlerAndAdoptsTheTask()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            var result = Fulfilled().Then(async x =>
            {
                await Task.Yield();
                log.Add("handler done");
            });
            Assert.Equal(typeof(Promise), StaticType.Of(result));
            return result.Then(() => log.Add("settled"));
        });

        Assert.Equal(["handler done", "settled"], log);
    }

    [Fact]
    public void Then_AsyncLambdaWithValue_BindsToTaskOfResultHandlerAndFulfillsWithTheValue()
    {
        int length = PromiseLoop.Run(() =>
        {
            var result = Fulfilled().Then(async x =>
            {
                await Task.Yield();
                return x!.Length;
            });
            Assert.Equal(typeof(Promise<int>), StaticType.Of(result));
            return result;
        });

        Assert.Equal(5, length);
    }

    [Fact]
    public void Then_LambdaReturningPromiseOfInt_IsPromiseOfIntNeverPromiseOfPromise()
    {
        Promise<int> other = Promise.Resolve(42);

        int value = PromiseLoop.Run(() =>
        {
            var result = Fulfilled().Then(x => other);
            Assert.Equal(typeof(Promise<int>), StaticType.Of(result));
            return result;
        });

        Assert.Equal(42, value);
    }

    [Fact]
    public void Catch_LambdaReturningNothing_IsTheValueLessCatchReturningPromise()
    {
        var logged = new List<Exception>();
        void Log(Exception e) => logged.Add(e);

        PromiseLoop.Run(() =>
        {
            var result = Rejected().Catch(e => Log(e));
            Assert.Equal(typeof(Promise), StaticType.Of(result));
            return result;
        });

        Assert.IsType<FormatException>(Assert.Single(logged));
    }
}
