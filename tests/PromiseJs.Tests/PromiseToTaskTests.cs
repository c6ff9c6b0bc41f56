using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>Interop to tasks: <see cref="Promise.ToTask()"/> and <see cref="Promise{T}.ToTask()"/>.</summary>
public sealed class PromiseToTaskTests
{
    [Fact]
    public async Task ToTask_FulfilledPromiseOfT_CompletesWithTheValue()
    {
        Task<int> task = Promise.Resolve(5).ToTask();

        Assert.Equal(5, await task);
    }

    [Fact]
    public async Task ToTask_FulfilledValueLessPromise_CompletesSuccessfully()
    {
        Task task = Promise.Resolve().ToTask();

        await task;
        Assert.True(task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ToTask_PendingPromiseResolvedLater_CompletesWithTheValue()
    {
        var resolvers = Promise.WithResolvers<string>();

        Task<string> task = resolvers.Promise.ToTask();
        Assert.False(task.IsCompleted);
        resolvers.Resolve("later");

        Assert.Equal("later", await task);
    }

    [Fact]
    public async Task ToTask_RejectedPromiseOfT_FaultsWithTheOriginalException()
    {
        var reason = new FormatException();

        Task<int> task = Promise.Reject<int>(reason).ToTask();

        Assert.Same(reason, await Assert.ThrowsAsync<FormatException>(() => task));
        Assert.True(task.IsFaulted);
        Assert.Same(reason, Assert.Single(task.Exception!.InnerExceptions));
    }

    [Fact]
    public async Task ToTask_RejectedValueLessPromise_FaultsWithTheOriginalException()
    {
        var reason = new FormatException();

        Task task = Promise.Reject(reason).ToTask();

        Assert.Same(reason, await Assert.ThrowsAsync<FormatException>(() => task));
        Assert.True(task.IsFaulted);
    }

    [Fact]
    public async Task ToTask_PendingPromiseRejectedLater_FaultsWithTheOriginalException()
    {
        var resolvers = Promise.WithResolvers();
        var reason = new FormatException();

        Task task = resolvers.Promise.ToTask();
        resolvers.Reject(reason);

        Assert.Same(reason, await Assert.ThrowsAsync<FormatException>(() => task));
    }

    [Fact]
    public async Task ToTask_RejectedWithOperationCanceledException_IsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var reason = new OperationCanceledException(cancellation.Token);

        Task<int> task = Promise.Reject<int>(reason).ToTask();
        Task valueLessTask = Promise.Reject(new TaskCanceledException()).ToTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => valueLessTask);
        Assert.True(task.IsCanceled);
        Assert.True(valueLessTask.IsCanceled);
        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(cancellation.Token, canceled.CancellationToken);
    }

    [Fact]
    public async Task ToTask_RoundTripThroughFrom_KeepsValueAndException()
    {
        var reason = new FormatException();

        Assert.Equal(8, await Promise.From(Task.FromResult(8)).ToTask());
        Assert.Same(reason, await Assert.ThrowsAsync<FormatException>(() => Promise.From(Task.FromException<int>(reason)).ToTask()));
    }

    [Fact]
    public async Task ToTask_InsideLoop_CompletesWhenTheLoopSettlesThePromise()
    {
        Task<int>? task = null;

        PromiseLoop.Run(() =>
        {
            var result = Promise.Resolve(1).Then(x => x + 1);
            task = result.ToTask();
            return result;
        });

        Assert.Equal(2, await task!.WaitAsync(TestTimeouts.Generous));
    }
}
