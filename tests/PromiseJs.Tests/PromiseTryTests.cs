using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary><see cref="Promise.Try{T}(Func{T})"/> and its forms: call now, fulfill with the result, reject with the exception.</summary>
public sealed class PromiseTryTests
{
    [Fact]
    public void Try_Func_CallsTheFunctionSynchronouslyAndFulfillsAtOnce()
    {
        int thread = 0;

        var promise = Promise.Try(() =>
        {
            thread = Environment.CurrentManagedThreadId;
            return 5;
        });

        Assert.Equal(Environment.CurrentManagedThreadId, thread);
        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(5, promise.Value);
    }

    [Fact]
    public void Try_FuncThrows_RejectsWithTheExceptionInsteadOfThrowing()
    {
        var thrown = new FormatException();

        var promise = Promise.Try<int>(() => throw thrown);

        Assert.Equal(PromiseState.Rejected, promise.State);
        Assert.Same(thrown, promise.Reason);
        promise.Catch(_ => 0);
    }

    [Fact]
    public void Try_Action_CallsItSynchronouslyAndFulfills()
    {
        bool called = false;

        Promise promise = Promise.Try(() => { called = true; });

        Assert.True(called);
        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void Try_ActionThrows_Rejects()
    {
        var thrown = new FormatException();

        Promise promise = Promise.Try(() => { throw thrown; });

        Assert.Same(thrown, promise.Reason);
        promise.Catch(_ => { });
    }

    [Fact]
    public void Try_FuncReturningPromise_CallsSynchronouslyAndAdoptsThePromise()
    {
        bool called = false;
        var resolvers = Promise.WithResolvers<int>();

        int value = PromiseLoop.Run(() =>
        {
            var promise = Promise.Try(() =>
            {
                called = true;
                return resolvers.Promise;
            });
            Assert.True(called);
            Assert.Equal(typeof(Promise<int>), StaticType.Of(promise));
            PromiseLoop.SetImmediate(() => resolvers.Resolve(8));
            return promise;
        });

        Assert.Equal(8, value);
    }

    [Fact]
    public void Try_FuncReturningRejectedPromise_AdoptsTheRejection()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Try(() => Promise.Reject<int>(reason))));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Try_FuncReturningTask_AdoptsTheTask()
    {
        int value = PromiseLoop.Run(() => Promise.Try(async () =>
        {
            await Task.Yield();
            return 11;
        }));

        Assert.Equal(11, value);
    }

    [Fact]
    public void Try_FuncReturningFaultedTask_RejectsWithTheTasksOwnException()
    {
        var fault = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Try(() => Task.FromException<int>(fault))));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void Try_FuncReturningValueLessPromise_Adopts()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            Promise promise = Promise.Try(() => Promise.Resolve().Then(() => log.Add("inner")));
            return promise.Then(() => log.Add("outer"));
        });

        Assert.Equal(["inner", "outer"], log);
    }

    [Fact]
    public void Try_FuncReturningValueLessTask_Adopts()
    {
        var fault = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Try(async () =>
        {
            await Task.Yield();
            throw fault;
        })));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void Try_PromiseOrTaskFormThrowsBeforeReturning_Rejects()
    {
        var thrown = new FormatException();

        var fromPromiseForm = Promise.Try(new Func<Promise<int>?>(() => throw thrown));
        var fromTaskForm = Promise.Try(new Func<Task<int>?>(() => throw thrown));
        var fromVoidPromiseForm = Promise.Try(new Func<Promise?>(() => throw thrown));
        var fromVoidTaskForm = Promise.Try(new Func<Task?>(() => throw thrown));

        Assert.Same(thrown, fromPromiseForm.Reason);
        Assert.Same(thrown, fromTaskForm.Reason);
        Assert.Same(thrown, fromVoidPromiseForm.Reason);
        Assert.Same(thrown, fromVoidTaskForm.Reason);
        fromPromiseForm.Catch(_ => 0);
        fromTaskForm.Catch(_ => 0);
        fromVoidPromiseForm.Catch(_ => { });
        fromVoidTaskForm.Catch(_ => { });
    }

    [Fact]
    public void Try_PromiseFormReturnsNull_FulfillsWithDefault()
    {
        var promise = Promise.Try(() => (Promise<int>?)null);

        Assert.Equal(typeof(Promise<int>), StaticType.Of(promise));
        Assert.Equal(0, PromiseLoop.Run(() => promise));
    }

    [Fact]
    public void Try_TaskFormReturnsNull_FulfillsWithDefault()
    {
        var promise = Promise.Try(() => (Task<string>?)null);

        Assert.Equal(typeof(Promise<string>), StaticType.Of(promise));
        Assert.Null(PromiseLoop.Run(() => promise));
        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void Try_ValueLessFormsReturnNull_Fulfill()
    {
        var fromPromise = Promise.Try(() => (Promise?)null);
        var fromTask = Promise.Try(() => (Task?)null);

        Assert.Equal(typeof(Promise), StaticType.Of(fromPromise));
        Assert.Equal(typeof(Promise), StaticType.Of(fromTask));

        PromiseLoop.Run(() => Promise.All(fromPromise.Then(() => 0), fromTask.Then(() => 0)));

        Assert.Equal(PromiseState.Fulfilled, fromPromise.State);
        Assert.Equal(PromiseState.Fulfilled, fromTask.State);
    }

    [Fact]
    public void Try_ExplicitTypeLambdaReturningNull_FulfillsWithDefault()
    {
        var promise = Promise.Try<int>(() => null);

        Assert.Equal(typeof(Promise<int>), StaticType.Of(promise));
        Assert.Equal(0, PromiseLoop.Run(() => promise));
    }
}
