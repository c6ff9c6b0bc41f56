
namespace PromiseJs.Tests;

/// <summary>The factories <see cref="Promise.Resolve()"/>, its overloads, and <see cref="Promise.Reject(Exception)"/>.</summary>
public sealed class PromiseResolveRejectTests
{
    [Fact]
    public void Resolve_NoValue_IsFulfilledAtOnce()
    {
        Promise promise = Promise.Resolve();

        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void Resolve_Value_IsFulfilledWithItAtOnce()
    {
        var promise = Promise.Resolve("x");

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal("x", promise.Value);
    }

    [Fact]
    public void Resolve_PromiseOfT_ReturnsTheSameInstance()
    {
        var pending = Promise.WithResolvers<int>().Promise;
        var fulfilled = Promise.Resolve(1);

        Assert.Same(pending, Promise.Resolve(pending));
        Assert.Same(fulfilled, Promise.Resolve(fulfilled));
    }

    [Fact]
    public void Resolve_OurPromiseTypedAsThenable_ReturnsTheSameInstance()
    {
        var promise = Promise.WithResolvers<int>().Promise;
        IThenable<int> thenable = promise;

        Assert.Same(promise, Promise.Resolve(thenable));
    }

    [Fact]
    public void Resolve_ForeignThenable_AdoptsItsValue()
    {
        var thenable = new ScriptedThenable<int>((resolve, reject) => resolve(12));

        int value = PromiseLoop.Run(() => Promise.Resolve<int>(thenable));

        Assert.Equal(12, value);
        Assert.Equal(1, thenable.ThenCalls);
    }

    [Fact]
    public void Resolve_ForeignThenableRejecting_AdoptsTheRejection()
    {
        var reason = new FormatException();
        var thenable = new ScriptedThenable<int>((resolve, reject) => reject(reason));

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Resolve<int>(thenable)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Resolve_ForeignThenable_IsNotCalledInsideResolve()
    {
        var log = new List<string>();
        var thenable = new ScriptedThenable<int>((resolve, reject) => resolve(1)) { OnThen = () => log.Add("then called") };

        PromiseLoop.Run(() =>
        {
            var promise = Promise.Resolve<int>(thenable);
            log.Add("after Resolve");
            return promise;
        });

        Assert.Equal(["after Resolve", "then called"], log);
    }

    [Fact]
    public void Resolve_ForeignThenableSettlingLaterFromAnotherThread_AdoptsIt()
    {
        Action<int>? resolveLater = null;
        var thenable = new ScriptedThenable<int>((resolve, reject) => resolveLater = resolve);

        int value = PromiseLoop.Run(() =>
        {
            var promise = Promise.Resolve<int>(thenable);
            PromiseLoop.SetImmediate(() => ThreadPool.UnsafeQueueUserWorkItem(_ => resolveLater!(5), null));
            return promise;
        });

        Assert.Equal(5, value);
    }

    [Fact]
    public void Reject_ValueLess_IsRejectedWithTheReasonAtOnce()
    {
        var reason = new FormatException();

        Promise promise = Promise.Reject(reason);

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(reason, promise.Reason);
        promise.Catch(_ => { });
    }

    [Fact]
    public void Reject_OfT_IsRejectedWithTheReasonAtOnce()
    {
        var reason = new FormatException();

        var promise = Promise.Reject<string>(reason);

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(reason, promise.Reason);
        Assert.Throws<InvalidOperationException>(() => promise.Value);
        promise.Catch(_ => "");
    }

    [Fact]
    public void Reject_NullReason_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.Reject(null!));
        Assert.Throws<ArgumentNullException>(() => Promise.Reject<int>(null!));
    }

    [Fact]
    public void Resolve_NullPromiseOrThenable_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.Resolve((Promise<int>)null!));
        Assert.Throws<ArgumentNullException>(() => Promise.Resolve((IThenable<int>)null!));
    }
}
