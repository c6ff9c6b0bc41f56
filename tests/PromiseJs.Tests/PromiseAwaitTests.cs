using System.Runtime.CompilerServices;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary><c>await</c> on promises: results, exceptions, where the continuation resumes, and JavaScript's always-yield inside the loop.</summary>
public sealed class PromiseAwaitTests
{
    [Fact]
    public async Task Await_FulfilledPromise_ReturnsTheValue()
    {
        Assert.Equal(3, await Promise.Resolve(3));
    }

    [Fact]
    public async Task Await_PromiseResolvedFromAnotherThread_ReturnsTheValue()
    {
        var resolvers = Promise.WithResolvers<string>();

        ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve("from pool"), null);

        Assert.Equal("from pool", await resolvers.Promise);
    }

    [Fact]
    public async Task Await_ValueLessPromise_Completes()
    {
        var resolvers = Promise.WithResolvers();

        ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(), null);
        await resolvers.Promise;

        Assert.Equal(PromiseState.Fulfilled, resolvers.Promise.State);
    }

    [Fact]
    public async Task Await_RejectedPromise_ThrowsTheOriginalExceptionInstanceNotAggregate()
    {
        var reason = new FormatException();

        var caught = await Assert.ThrowsAsync<FormatException>(async () => await Promise.Reject<int>(reason));
        var caughtValueLess = await Assert.ThrowsAsync<FormatException>(async () => await Promise.Reject(reason));

        Assert.Same(reason, caught);
        Assert.Same(reason, caughtValueLess);
    }

    [Fact]
    public async Task Await_HandlerThrew_ExceptionKeepsTheStackOfTheMethodThatThrew()
    {
        var promise = Promise.Resolve(1).Then(ThrowFromNamedMethod);

        var caught = await Assert.ThrowsAsync<FormatException>(async () => await promise);

        Assert.Contains(nameof(ThrowFromNamedMethod), caught.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Await_InsideLoopHandlerThrew_ExceptionKeepsTheStackOfTheMethodThatThrew()
    {
        string? stack = PromiseLoop.Run(async () =>
        {
            try
            {
                await Promise.Resolve(1).Then(ThrowFromNamedMethod);
                return null;
            }
            catch (FormatException ex)
            {
                return ex.StackTrace;
            }
        });

        Assert.Contains(nameof(ThrowFromNamedMethod), stack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigureAwaitFalse_WithSynchronizationContext_ResumesWithoutPostingToIt()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        Task<SynchronizationContext?> awaiting;

        using (SynchronizationContextScope.Install(context))
        {
            awaiting = AwaitAndReportContext(resolvers.Promise, continueOnCapturedContext: false);
        }

        resolvers.Resolve(1);
        SynchronizationContext? resumedOn = await awaiting.WaitAsync(TestTimeouts.Generous);

        Assert.NotSame(context, resumedOn);
        Assert.Equal(0, context.PostCount);
    }

    [Fact]
    public async Task Await_WithSynchronizationContext_ResumesByPostingToIt()
    {
        var context = new QueueingSynchronizationContext();
        var resolvers = Promise.WithResolvers<int>();
        Task<SynchronizationContext?> awaiting;

        using (SynchronizationContextScope.Install(context))
        {
            awaiting = AwaitAndReportContext(resolvers.Promise, continueOnCapturedContext: true);
            ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(1), null);
            context.RunUntil(() => awaiting.IsCompleted, TestTimeouts.Generous);
        }

        Assert.Same(context, await awaiting);
        Assert.Equal(1, context.PostCount);
    }

    [Fact]
    public void Await_InsideLoop_ResumesOnTheLoopThreadEvenWhenSettledFromAnotherThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;

        int resumedThread = PromiseLoop.Run(async () =>
        {
            var resolvers = Promise.WithResolvers<int>();
            ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(1), null);
            await resolvers.Promise;
            return Environment.CurrentManagedThreadId;
        });

        Assert.Equal(loopThread, resumedThread);
    }

    [Fact]
    public void Await_InsideLoopAlreadyFulfilled_StillYieldsToMicrotasksQueuedBefore()
    {
        var log = new List<string>();

        PromiseLoop.Run(async () =>
        {
            PromiseLoop.QueueMicrotask(() => log.Add("microtask"));
            int value = await Promise.Resolve(1);
            log.Add($"after await {value}");
        });

        Assert.Equal(["microtask", "after await 1"], log);
    }

    [Fact]
    public void Await_InsideLoopAlreadyRejected_StillYieldsThenThrows()
    {
        var log = new List<string>();
        var reason = new FormatException();

        PromiseLoop.Run(async () =>
        {
            PromiseLoop.QueueMicrotask(() => log.Add("microtask"));
            try
            {
                await Promise.Reject(reason);
            }
            catch (FormatException ex) when (ex == reason)
            {
                log.Add("caught");
            }
        });

        Assert.Equal(["microtask", "caught"], log);
    }

    [Fact]
    public void ConfigureAwaitFalse_InsideLoopPendingPromise_ResumesOffTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;

        (int Thread, bool InLoop) resumed = PromiseLoop.Run(async () =>
        {
            var resolvers = Promise.WithResolvers<int>();
            PromiseLoop.SetImmediate(() => resolvers.Resolve(1));
            await resolvers.Promise.ConfigureAwait(false);
            return (Environment.CurrentManagedThreadId, PromiseLoop.IsRunning);
        });

        Assert.NotEqual(loopThread, resumed.Thread);
        Assert.False(resumed.InLoop);
    }

    private static async Task<SynchronizationContext?> AwaitAndReportContext(Promise<int> promise, bool continueOnCapturedContext)
    {
        await promise.ConfigureAwait(continueOnCapturedContext);
        return SynchronizationContext.Current;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowFromNamedMethod(int value) => throw new FormatException($"thrown for {value}");
}
