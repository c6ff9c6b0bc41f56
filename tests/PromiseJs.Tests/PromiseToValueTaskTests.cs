namespace PromiseJs.Tests;

/// <summary><see cref="Promise.ToValueTask"/> and <see cref="Promise{T}.ToValueTask"/>.</summary>
public sealed class PromiseToValueTaskTests
{
    [Fact]
    public async Task ToValueTask_Fulfilled_IsCompletedAtOnceWithTheValue()
    {
        ValueTask<int> task = Promise.Resolve(5).ToValueTask();
        ValueTask valueLess = Promise.Resolve().ToValueTask();

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(5, await task);
        Assert.True(valueLess.IsCompletedSuccessfully);
        await valueLess;
    }

    [Fact]
    public async Task ToValueTask_PendingThenResolvedFromAnotherThread_CompletesWithTheValue()
    {
        var resolvers = Promise.WithResolvers<string>();
        ValueTask<string> task = resolvers.Promise.ToValueTask();

        Assert.False(task.IsCompleted);
        ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve("later"), null);

        Assert.Equal("later", await task);
    }

    [Fact]
    public async Task ToValueTask_Rejected_FaultsWithTheOriginalException()
    {
        var reason = new FormatException();

        Assert.Same(reason, await Assert.ThrowsAsync<FormatException>(async () => await Promise.Reject<int>(reason).ToValueTask()));
        Assert.Same(reason, await Assert.ThrowsAsync<FormatException>(async () => await Promise.Reject(reason).ToValueTask()));
    }

    [Fact]
    public async Task ToValueTask_RejectedWithOperationCanceled_IsCanceled()
    {
        ValueTask<int> task = Promise.Reject<int>(new OperationCanceledException()).ToValueTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await task);
        Assert.True(task.IsCanceled);
    }
}
