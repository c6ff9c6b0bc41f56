namespace PromiseJs.Tests;

/// <summary><see cref="Promise.ConfigureAwait(ConfigureAwaitOptions)"/> and <see cref="Promise{T}.ConfigureAwait(ConfigureAwaitOptions)"/>,
/// with Task's meaning of each flag.</summary>
public sealed class PromiseConfigureAwaitOptionsTests
{
    [Fact]
    public void SuppressThrowing_RejectedPromise_EndsTheAwaitWithoutThrowingAndCountsAsHandled()
    {
        var reason = new FormatException();
        var reported = new List<Exception>();
        void OnUnhandled(object? sender, UnhandledRejectionEventArgs e) => reported.Add(e.Reason);
        Promise rejected = null!;
        bool resumed = false;

        Promise.UnhandledRejection += OnUnhandled;
        try
        {
            PromiseLoop.Run(async () =>
            {
                rejected = Promise.Reject(reason);
                await rejected.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                resumed = true;
            });
        }
        finally
        {
            Promise.UnhandledRejection -= OnUnhandled;
        }

        Assert.True(resumed);
        Assert.Same(reason, rejected.Reason);
        Assert.DoesNotContain(reason, reported);
    }

    [Fact]
    public void SuppressThrowing_OnAPromiseOfAValue_ThrowsArgumentOutOfRangeExceptionAsTaskDoes()
    {
        var caught = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Promise.Resolve(1).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing));

        Assert.Contains("Promise<T>", caught.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureAwait_UndefinedFlag_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Resolve().ConfigureAwait((ConfigureAwaitOptions)64));
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Resolve(1).ConfigureAwait((ConfigureAwaitOptions)64));
    }

    [Fact]
    public void ForceYielding_SettledPromiseOutsideALoop_IsNotCompleted()
    {
        Assert.True(Promise.Resolve(1).ConfigureAwait(ConfigureAwaitOptions.None).GetAwaiter().IsCompleted);
        Assert.False(Promise.Resolve(1).ConfigureAwait(ConfigureAwaitOptions.ForceYielding).GetAwaiter().IsCompleted);
        Assert.False(Promise.Resolve().ConfigureAwait(ConfigureAwaitOptions.ForceYielding).GetAwaiter().IsCompleted);
    }

    [Fact]
    public async Task ForceYielding_SettledPromise_ResumesOnTheThreadPoolWithTheValue()
    {
        int value = await Promise.Resolve(9).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

        Assert.Equal(9, value);
        Assert.True(Thread.CurrentThread.IsThreadPoolThread);
    }

    [Fact]
    public void ContinueOnCapturedContext_InsideTheLoop_ResumesOnTheLoopThread()
    {
        int loopThread = 0;
        int resumedOn = -1;

        PromiseLoop.Run(async () =>
        {
            loopThread = Environment.CurrentManagedThreadId;
            await Promise.Resolve(1).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
            resumedOn = Environment.CurrentManagedThreadId;
        });

        Assert.Equal(loopThread, resumedOn);
    }

    [Fact]
    public void None_InsideTheLoopOnAPendingPromise_ResumesOffTheLoopThread()
    {
        int loopThread = 0;
        int resumedOn = -1;

        PromiseLoop.Run(async () =>
        {
            loopThread = Environment.CurrentManagedThreadId;
            var resolvers = Promise.WithResolvers<int>();
            PromiseLoop.SetImmediate(() => resolvers.Resolve(2));
            await resolvers.Promise.ConfigureAwait(ConfigureAwaitOptions.None);
            resumedOn = Environment.CurrentManagedThreadId;
        });

        Assert.NotEqual(loopThread, resumedOn);
    }

    [Fact]
    public void GetResult_SuppressThrowingOnARejectedPromise_ReturnsWithoutThrowing()
    {
        Promise rejected = Promise.Reject(new FormatException());
        var awaiter = rejected.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter();

        Assert.True(awaiter.IsCompleted);
        // Already completed, so GetResult does not block.
#pragma warning disable xUnit1031
        awaiter.GetResult();
#pragma warning restore xUnit1031
        Assert.Equal(PromiseState.Rejected, rejected.State);
    }
}
