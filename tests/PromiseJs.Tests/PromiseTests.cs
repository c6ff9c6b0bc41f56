namespace PromiseJs.Tests;

/// <summary>The value-less <see cref="Promise"/>: its executor constructor and what it shows of its state.</summary>
public sealed class PromiseTests
{
    [Fact]
    public void Ctor_Executor_RunsSynchronouslyOnTheCallingThreadBeforeTheConstructorReturns()
    {
        int callerThread = Environment.CurrentManagedThreadId;
        int executorThread = 0;
        bool ran = false;

        _ = new Promise((resolve, reject) =>
        {
            ran = true;
            executorThread = Environment.CurrentManagedThreadId;
        });

        Assert.True(ran);
        Assert.Equal(callerThread, executorThread);
    }

    [Fact]
    public void Ctor_ExecutorResolves_IsFulfilledAtOnce()
    {
        var promise = new Promise((resolve, reject) => resolve());

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Null(promise.Reason);
    }

    [Fact]
    public void Ctor_ExecutorRejects_IsRejectedWithThatReason()
    {
        var reason = new InvalidOperationException("no");

        var promise = new Promise((resolve, reject) => reject(reason));

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(reason, promise.Reason);
        promise.Catch(_ => { });
    }

    [Fact]
    public void Ctor_ResolveThenReject_FirstCallWinsAndLaterCallsAreIgnored()
    {
        var promise = new Promise((resolve, reject) =>
        {
            resolve();
            reject(new InvalidOperationException("ignored"));
            resolve();
        });

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Null(promise.Reason);
    }

    [Fact]
    public void Ctor_RejectThenResolveThenReject_FirstRejectionWins()
    {
        var first = new InvalidOperationException("first");

        var promise = new Promise((resolve, reject) =>
        {
            reject(first);
            resolve();
            reject(new InvalidOperationException("second"));
        });

        Assert.Same(first, promise.Reason);
        promise.Catch(_ => { });
    }

    [Fact]
    public void Ctor_ExecutorThrows_RejectsWithTheThrownException()
    {
        var thrown = new FormatException("executor failed");

        var promise = new Promise((resolve, reject) => throw thrown);

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(thrown, promise.Reason);
        promise.Catch(_ => { });
    }

    [Fact]
    public void Ctor_ExecutorThrowsAfterResolving_ThrowIsIgnoredAndPromiseStaysFulfilled()
    {
        var promise = new Promise((resolve, reject) =>
        {
            resolve();
            throw new FormatException("too late");
        });

        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void Ctor_ExecutorThrowsAfterRejecting_KeepsTheFirstReason()
    {
        var first = new InvalidOperationException("first");

        var promise = new Promise((resolve, reject) =>
        {
            reject(first);
            throw new FormatException("too late");
        });

        Assert.Same(first, promise.Reason);
        promise.Catch(_ => { });
    }

    [Fact]
    public void Ctor_ResolveCalledLaterFromOutside_FulfillsThen()
    {
        Action? resolveLater = null;

        var promise = new Promise((resolve, reject) => resolveLater = resolve);
        Assert.Equal(PromiseState.Pending, promise.State);
        resolveLater!();

        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void State_NeverSettled_IsPending()
    {
        var promise = new Promise((resolve, reject) => { });

        Assert.Equal(PromiseState.Pending, promise.State);
        Assert.Null(promise.Reason);
    }

    [Fact]
    public void Reason_PendingOrFulfilled_IsNull()
    {
        Assert.Null(Promise.WithResolvers().Promise.Reason);
        Assert.Null(Promise.Resolve().Reason);
    }

    [Fact]
    public void Reason_Rejected_IsTheRejectionInstance()
    {
        var reason = new InvalidOperationException();

        var promise = Promise.Reject(reason);

        Assert.Same(reason, promise.Reason);
        promise.Catch(_ => { });
    }
}
