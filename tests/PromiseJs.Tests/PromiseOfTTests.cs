namespace PromiseJs.Tests;

/// <summary><see cref="Promise{T}"/>: its executor constructor, <see cref="Promise{T}.Value"/>, <see cref="Promise.Reason"/> and <see cref="Promise.State"/>.</summary>
public sealed class PromiseOfTTests
{
    [Fact]
    public void Ctor_Executor_RunsSynchronouslyOnTheCallingThreadBeforeTheConstructorReturns()
    {
        int callerThread = Environment.CurrentManagedThreadId;
        int executorThread = 0;
        var log = new List<string>();

        _ = new Promise<int>((resolve, reject) =>
        {
            log.Add("executor");
            executorThread = Environment.CurrentManagedThreadId;
        });
        log.Add("after constructor");

        Assert.Equal(["executor", "after constructor"], log);
        Assert.Equal(callerThread, executorThread);
    }

    [Fact]
    public void Ctor_ExecutorResolves_IsFulfilledWithTheValueAtOnce()
    {
        var promise = new Promise<int>((resolve, reject) => resolve(7));

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(7, promise.Value);
        Assert.Null(promise.Reason);
    }

    [Fact]
    public void Ctor_ResolveTwice_FirstValueWins()
    {
        var promise = new Promise<int>((resolve, reject) =>
        {
            resolve(1);
            resolve(2);
            reject(new InvalidOperationException("ignored"));
        });

        Assert.Equal(1, promise.Value);
    }

    [Fact]
    public void Ctor_RejectThenResolve_RejectionWins()
    {
        var reason = new InvalidOperationException("first");

        var promise = new Promise<int>((resolve, reject) =>
        {
            reject(reason);
            resolve(2);
        });

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(reason, promise.Reason);
        promise.Catch(_ => 0);
    }

    [Fact]
    public void Ctor_ExecutorThrows_RejectsWithTheThrownException()
    {
        var thrown = new FormatException();

        var promise = new Promise<int>((resolve, reject) => throw thrown);

        Assert.Same(thrown, promise.Reason);
        promise.Catch(_ => 0);
    }

    [Fact]
    public void Ctor_ExecutorThrowsAfterResolving_ThrowIsIgnored()
    {
        var promise = new Promise<int>((resolve, reject) =>
        {
            resolve(3);
            throw new FormatException("ignored");
        });

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(3, promise.Value);
    }

    [Fact]
    public async Task Ctor_ResolvedLaterFromAnotherThread_FulfillsWithThatValue()
    {
        Action<int>? resolveLater = null;
        var promise = new Promise<int>((resolve, reject) => resolveLater = resolve);

        await Task.Run(() => resolveLater!(9));

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(9, promise.Value);
    }

    [Fact]
    public void Value_Pending_ThrowsInvalidOperationException()
    {
        var promise = Promise.WithResolvers<int>().Promise;

        Assert.Throws<InvalidOperationException>(() => promise.Value);
    }

    [Fact]
    public void Value_Rejected_ThrowsInvalidOperationExceptionNotTheReason()
    {
        var promise = Promise.Reject<int>(new FormatException());

        Assert.Throws<InvalidOperationException>(() => promise.Value);
        promise.Catch(_ => 0);
    }

    [Fact]
    public void Value_FulfilledWithNull_IsNull()
    {
        var promise = new Promise<string?>((resolve, reject) => resolve(null));

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Null(promise.Value);
    }

    [Fact]
    public void Reason_PendingOrFulfilled_IsNull()
    {
        Assert.Null(Promise.WithResolvers<int>().Promise.Reason);
        Assert.Null(Promise.Resolve(1).Reason);
    }

    [Fact]
    public void State_FollowsSettlement_PendingThenFulfilled()
    {
        var resolvers = Promise.WithResolvers<int>();

        Assert.Equal(PromiseState.Pending, resolvers.Promise.State);
        resolvers.Resolve(1);

        Assert.Equal(PromiseState.Fulfilled, resolvers.Promise.State);
    }

    [Fact]
    public void State_FollowsSettlement_PendingThenRejected()
    {
        var resolvers = Promise.WithResolvers<int>();

        Assert.Equal(PromiseState.Pending, resolvers.Promise.State);
        resolvers.Reject(new InvalidOperationException());

        Assert.Equal(PromiseState.Rejected, resolvers.Promise.State);
        resolvers.Promise.Catch(_ => 0);
    }

    [Fact]
    public void IThenableThen_Fulfilled_CallsOnFulfilledLaterWithTheValue()
    {
        var log = new List<string>();
        IThenable<int> thenable = Promise.Resolve(6);

        PromiseLoop.Run(() =>
        {
            thenable.Then(x => log.Add($"fulfilled {x}"), e => log.Add("rejected"));
            log.Add("after Then");
            return Promise.Resolve();
        });

        Assert.Equal(["after Then", "fulfilled 6"], log);
    }

    [Fact]
    public void IThenableThen_Rejected_CallsOnRejectedWithTheReason()
    {
        var reason = new FormatException();
        Exception? seen = null;
        IThenable<int> thenable = Promise.Reject<int>(reason);

        PromiseLoop.Run(() =>
        {
            thenable.Then(x => { }, e => seen = e);
            return Promise.Resolve();
        });

        Assert.Same(reason, seen);
    }
}
