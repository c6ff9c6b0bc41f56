namespace PromiseJs.Tests;

/// <summary><c>Finally</c>: the callback runs on either outcome and passes the outcome through unless it fails itself.</summary>
public sealed class PromiseFinallyTests
{
    [Fact]
    public void Finally_Fulfilled_RunsOnceAndPassesTheValueThrough()
    {
        int calls = 0;

        int value = PromiseLoop.Run(() => Promise.Resolve(3).Finally(() => calls++));

        Assert.Equal(3, value);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Finally_Rejected_RunsAndPassesTheSameReasonThrough()
    {
        var reason = new FormatException();
        int calls = 0;

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Reject<int>(reason).Finally(() => calls++)));

        Assert.Same(reason, caught);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Finally_CallbackThrowsOnFulfilled_RejectsWithTheCallbacksException()
    {
        var thrown = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Finally(() => throw thrown)));

        Assert.Same(thrown, caught);
    }

    [Fact]
    public void Finally_CallbackThrowsOnRejected_CallbacksExceptionWins()
    {
        var thrown = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Reject<int>(new FormatException()).Finally(() => throw thrown)));

        Assert.Same(thrown, caught);
    }

    [Fact]
    public void Finally_CallbackReturnsRejectedPromise_ItsReasonWins()
    {
        var reason = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Finally(() => Promise.Reject(reason))));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Finally_CallbackReturnsPendingPromise_WaitsForItThenPassesTheValueThrough()
    {
        var log = new List<string>();

        int value = PromiseLoop.Run(() =>
        {
            var gate = Promise.WithResolvers();
            var result = Promise.Resolve(4).Finally(() => gate.Promise);
            result.Then(x => log.Add("settled"));
            PromiseLoop.SetImmediate(() =>
            {
                log.Add("opening gate");
                gate.Resolve();
            });
            return result;
        });

        Assert.Equal(4, value);
        Assert.Equal(["opening gate", "settled"], log);
    }

    [Fact]
    public void Finally_CallbackReturnsFaultedTask_RejectsWithTheTasksOwnException()
    {
        var fault = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Finally(() => Task.FromException(fault))));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void Finally_AsyncCallback_WaitsForTheTaskThenPassesTheValueThrough()
    {
        var log = new List<string>();

        int value = PromiseLoop.Run(() => Promise.Resolve(6).Finally(async () =>
        {
            await Task.Yield();
            log.Add("callback done");
        }).Then(x =>
        {
            log.Add("then");
            return x;
        }));

        Assert.Equal(6, value);
        Assert.Equal(["callback done", "then"], log);
    }

    [Fact]
    public void Finally_CallbackReturnsNullPromise_PassesTheOutcomeThrough()
    {
        int value = PromiseLoop.Run(() => Promise.Resolve(2).Finally(() => (Promise?)null));

        Assert.Equal(2, value);
    }

    [Fact]
    public void Finally_ValueLessPromise_RunsAndPassesTheOutcomeThrough()
    {
        var reason = new FormatException();
        int calls = 0;

        PromiseLoop.Run(() => Promise.Resolve().Finally(() => calls++));
        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Reject(reason).Finally(() => calls++)));

        Assert.Same(reason, caught);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Finally_ValueLessPromiseCallbackReturnsRejectedTask_ItsReasonWins()
    {
        var fault = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Resolve().Finally(() => Task.FromException(fault))));

        Assert.Same(fault, caught);
    }
}
