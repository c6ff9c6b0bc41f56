using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>Interop from tasks: <see cref="Promise.From(Task)"/> and its overloads for <see cref="Task{TResult}"/>, <see cref="ValueTask"/>,
/// <see cref="ValueTask{TResult}"/> and promises.</summary>
public sealed class PromiseFromTests
{
    [Fact]
    public void From_CompletedTask_IsFulfilledAtOnce()
    {
        Assert.Equal(PromiseState.Fulfilled, Promise.From(Task.CompletedTask).State);
    }

    [Fact]
    public void From_CompletedTaskOfT_IsFulfilledWithTheResultAtOnce()
    {
        var promise = Promise.From(Task.FromResult(3));

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(3, promise.Value);
    }

    [Fact]
    public void From_FaultedTask_RejectsWithTheTasksOwnException()
    {
        var fault = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.From(Task.FromException(fault))));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void From_FaultedTaskOfT_RejectsWithTheTasksOwnException()
    {
        var fault = new FormatException();
        var promise = Promise.From(Task.FromException<int>(fault));

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => promise));

        Assert.Same(fault, caught);
        Assert.Same(fault, promise.Reason);
    }

    [Fact]
    public void From_CancelledTask_RejectsWithOperationCanceledException()
    {
        var promise = Promise.From(Task.FromCanceled(new CancellationToken(true)));

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() => promise));
        Assert.IsAssignableFrom<OperationCanceledException>(promise.Reason);
    }

    [Fact]
    public void From_CancelledTaskOfT_RejectsWithOperationCanceledException()
    {
        var promise = Promise.From(Task.FromCanceled<int>(new CancellationToken(true)));

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() => promise));
    }

    [Fact]
    public void From_PendingTask_IsPendingUntilTheTaskCompletes()
    {
        using var noContext = SynchronizationContextScope.None();
        var source = new TaskCompletionSource();

        var promise = Promise.From(source.Task);
        Assert.Equal(PromiseState.Pending, promise.State);
        source.SetResult();

        promise.Wait(TestTimeouts.Generous);
        Assert.Equal(PromiseState.Fulfilled, promise.State);
    }

    [Fact]
    public void From_PendingTaskOfTFaultingLater_RejectsWithTheTasksOwnException()
    {
        using var noContext = SynchronizationContextScope.None();
        var source = new TaskCompletionSource<int>();
        var fault = new FormatException();

        var promise = Promise.From(source.Task);
        Assert.Equal(PromiseState.Pending, promise.State);
        source.SetException(fault);

        Assert.Same(fault, Assert.Throws<FormatException>(() => promise.Wait(TestTimeouts.Generous)));
    }

    [Fact]
    public void From_PendingTaskOfTInsideLoop_FulfillsWhenTheTaskCompletesOnAnotherThread()
    {
        var source = new TaskCompletionSource<string>();

        string value = PromiseLoop.Run(() =>
        {
            var promise = Promise.From(source.Task);
            PromiseLoop.SetImmediate(() => ThreadPool.UnsafeQueueUserWorkItem(_ => source.SetResult("done"), null));
            return promise;
        });

        Assert.Equal("done", value);
    }

    [Fact]
    public void From_PendingTaskCancelledLater_RejectsWithOperationCanceledException()
    {
        using var noContext = SynchronizationContextScope.None();
        var source = new TaskCompletionSource<int>();

        var promise = Promise.From(source.Task);
        source.SetCanceled();

        Assert.ThrowsAny<OperationCanceledException>(() => promise.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void From_CompletedValueTask_IsFulfilledAtOnce()
    {
        Assert.Equal(PromiseState.Fulfilled, Promise.From(ValueTask.CompletedTask).State);
    }

    [Fact]
    public void From_CompletedValueTaskOfT_IsFulfilledWithTheResultAtOnce()
    {
        var promise = Promise.From(new ValueTask<int>(4));

        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(4, promise.Value);
    }

    [Fact]
    public void From_FaultedValueTask_RejectsWithTheOwnException()
    {
        var fault = new FormatException();

        Assert.Same(fault, Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.From(ValueTask.FromException(fault)))));
        Assert.Same(fault, Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.From(ValueTask.FromException<int>(fault)))));
    }

    [Fact]
    public void From_CancelledValueTask_RejectsWithOperationCanceledException()
    {
        var token = new CancellationToken(true);

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() => Promise.From(ValueTask.FromCanceled(token))));
        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() => Promise.From(ValueTask.FromCanceled<int>(token))));
    }

    [Fact]
    public void From_PendingValueTask_FulfillsWhenItCompletes()
    {
        using var noContext = SynchronizationContextScope.None();
        var voidSource = new TaskCompletionSource();
        var valueSource = new TaskCompletionSource<int>();

        var voidPromise = Promise.From(new ValueTask(voidSource.Task));
        var valuePromise = Promise.From(new ValueTask<int>(valueSource.Task));
        Assert.Equal(PromiseState.Pending, voidPromise.State);
        Assert.Equal(PromiseState.Pending, valuePromise.State);
        voidSource.SetResult();
        valueSource.SetResult(6);

        voidPromise.Wait(TestTimeouts.Generous);
        Assert.Equal(6, valuePromise.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void From_Promise_ReturnsTheSameInstance()
    {
        var promiseOfT = Promise.WithResolvers<int>().Promise;
        Promise valueLess = Promise.WithResolvers().Promise;

        Assert.Same(promiseOfT, Promise.From(promiseOfT));
        Assert.Same(valueLess, Promise.From(valueLess));
        Assert.Equal(typeof(Promise<int>), StaticType.Of(Promise.From(promiseOfT)));
    }

    [Fact]
    public void From_NullTask_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Promise.From((Task)null!));
        Assert.Throws<ArgumentNullException>(() => Promise.From((Task<int>)null!));
        Assert.Throws<ArgumentNullException>(() => Promise.From((Promise)null!));
        Assert.Throws<ArgumentNullException>(() => Promise.From((Promise<int>)null!));
    }
}
