using System.Runtime.CompilerServices;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>The blocking <see cref="Promise.Wait()"/> and <see cref="Promise{T}.Wait()"/> with their timeouts and deadlock guards.</summary>
public sealed class PromiseWaitTests
{
    [Fact]
    public void Wait_Fulfilled_ReturnsTheValue()
    {
        Assert.Equal(4, Promise.Resolve(4).Wait());
        Promise.Resolve().Wait();
    }

    [Fact]
    public void Wait_ResolvedFromAnotherThread_ReturnsTheValue()
    {
        var resolvers = Promise.WithResolvers<int>();

        ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(12), null);

        Assert.Equal(12, resolvers.Promise.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void Wait_Rejected_RethrowsTheOriginalExceptionInstance()
    {
        var reason = new FormatException();

        Assert.Same(reason, Assert.Throws<FormatException>(() => Promise.Reject<int>(reason).Wait()));
        Assert.Same(reason, Assert.Throws<FormatException>(() => Promise.Reject(reason).Wait(TestTimeouts.Generous)));
    }

    [Fact]
    public void Wait_HandlerThrew_ExceptionKeepsTheStackOfTheMethodThatThrew()
    {
        var promise = Promise.Resolve(1).Then(ThrowFromNamedMethod);

        var caught = Assert.Throws<FormatException>(() => promise.Wait(TestTimeouts.Generous));

        Assert.Contains(nameof(ThrowFromNamedMethod), caught.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_NeverSettles_ThrowsTimeoutException()
    {
        Assert.Throws<TimeoutException>(() => Promise.WithResolvers<int>().Promise.Wait(TestTimeouts.Short));
        Assert.Throws<TimeoutException>(() => Promise.WithResolvers().Promise.Wait(TestTimeouts.Short));
    }

    [Fact]
    public void Wait_CancelledToken_ThrowsOperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Promise.WithResolvers<int>().Promise.Wait(Timeout.InfiniteTimeSpan, cancellation.Token));
    }

    [Fact]
    public void Wait_NegativeTimeout_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.WithResolvers<int>().Promise.Wait(TimeSpan.FromMilliseconds(-2)));
    }

    [Fact]
    public void Wait_OnLoopThreadWhilePending_ThrowsInvalidOperationExceptionExplainingTheDeadlock()
    {
        InvalidOperationException? ofT = null;
        InvalidOperationException? valueLess = null;

        PromiseLoop.Run(() =>
        {
            var pending = Promise.WithResolvers<int>().Promise;
            Promise pendingValueLess = Promise.WithResolvers().Promise;
            ofT = Assert.Throws<InvalidOperationException>(() => pending.Wait());
            valueLess = Assert.Throws<InvalidOperationException>(() => pendingValueLess.Wait(TestTimeouts.Generous));
            return Promise.Resolve();
        });

        Assert.NotNull(valueLess);
        Assert.Contains("PromiseLoop", ofT!.Message, StringComparison.Ordinal);
        Assert.Contains("deadlock", ofT.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Wait_OnLoopThreadWhenAlreadySettled_ReturnsTheValueOrThrowsTheReason()
    {
        var reason = new FormatException();

        int value = PromiseLoop.Run(() =>
        {
            var rejected = Promise.Reject<int>(reason);
            Assert.Same(reason, Assert.Throws<FormatException>(() => rejected.Wait()));
            return Promise.Resolve(1).Then(x => x + 1).Then(x => Promise.Resolve(x).Wait() + Promise.Resolve(10).Wait());
        });

        Assert.Equal(12, value);
    }

    [Fact]
    public void Wait_HandlerOnSharedQueueBlocksOnPromiseWhoseHandlerNeedsTheQueue_DoesNotDeadlock()
    {
        using var noContext = SynchronizationContextScope.None();

        var outer = Promise.Resolve(1).Then(x =>
        {
            // This handler runs on the shared serial queue; the inner handler is queued behind it on the same queue.
            var inner = Promise.Resolve(x).Then(y => y + 1);
            return inner.Wait(TestTimeouts.Generous);
        });

        Assert.Equal(2, outer.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void Wait_NestedBlockingHandlersOnSharedQueue_DoNotDeadlock()
    {
        using var noContext = SynchronizationContextScope.None();

        var outer = Promise.Resolve(1).Then(a =>
            Promise.Resolve(a).Then(b =>
                Promise.Resolve(b).Then(c => c + 1).Wait(TestTimeouts.Generous) + 1).Wait(TestTimeouts.Generous) + 1);

        Assert.Equal(4, outer.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void TryWait_Fulfilled_ReturnsTrueAndTheValue()
    {
        Assert.True(Promise.Resolve(8).TryWait(TimeSpan.Zero, out int value));
        Assert.Equal(8, value);
        Assert.True(Promise.Resolve().TryWait(TimeSpan.Zero));
    }

    [Fact]
    public void TryWait_ResolvedFromAnotherThread_ReturnsTrueAndTheValue()
    {
        var resolvers = Promise.WithResolvers<string>();

        ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve("late"), null);

        Assert.True(resolvers.Promise.TryWait(TestTimeouts.Generous, out string? value));
        Assert.Equal("late", value);
    }

    [Fact]
    public void TryWait_StillPendingAfterTheTimeout_ReturnsFalseWithoutThrowing()
    {
        var resolvers = Promise.WithResolvers<int>();

        Assert.False(resolvers.Promise.TryWait(TestTimeouts.Short, out int value));
        Assert.Equal(0, value);
        Assert.False(Promise.WithResolvers().Promise.TryWait(TestTimeouts.Short));
    }

    [Fact]
    public void TryWait_ZeroTimeoutOnALoopThread_OnlyLooksAndReturnsFalse()
    {
        bool? waited = null;

        PromiseLoop.Run(() =>
        {
            waited = Promise.WithResolvers<int>().Promise.TryWait(TimeSpan.Zero, out _);
            return Promise.Resolve();
        });

        Assert.False(waited);
    }

    [Fact]
    public void TryWait_NonZeroTimeoutOnALoopThreadWhilePending_ThrowsInvalidOperationException()
    {
        var caught = Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() =>
        {
            Promise.WithResolvers().Promise.TryWait(TimeSpan.FromSeconds(1));
            return Promise.Resolve();
        }));

        Assert.Contains("deadlock", caught.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryWait_Rejected_RethrowsTheReason()
    {
        var reason = new FormatException();

        Assert.Same(reason, Assert.Throws<FormatException>(() => Promise.Reject<int>(reason).TryWait(TimeSpan.Zero, out _)));
        Assert.Same(reason, Assert.Throws<FormatException>(() => Promise.Reject(reason).TryWait(TestTimeouts.Short)));
    }

    [Fact]
    public void TryWait_CancelledToken_ThrowsOperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Promise.WithResolvers<int>().Promise.TryWait(Timeout.InfiniteTimeSpan, cancellation.Token, out _));
    }

    [Fact]
    public void TryWait_NegativeTimeout_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Promise.Resolve(1).TryWait(TimeSpan.FromSeconds(-1), out _));
    }

    [Fact]
    public void TryGetValue_FulfilledPendingRejected_TellsWithoutThrowing()
    {
        Assert.True(Promise.Resolve("v").TryGetValue(out string? value));
        Assert.Equal("v", value);
        Assert.False(Promise.WithResolvers<string>().Promise.TryGetValue(out value));
        Assert.Null(value);

        var rejected = Promise.Reject<int>(new FormatException());
        Assert.False(rejected.TryGetValue(out int number));
        Assert.Equal(0, number);
        rejected.Catch(_ => 0);
    }

    [Fact]
    public void Value_Rejected_ThrowsWithTheReasonAsInnerException()
    {
        var reason = new FormatException("why");
        var rejected = Promise.Reject<int>(reason);
        rejected.Catch(_ => 0);

        var caught = Assert.Throws<InvalidOperationException>(() => rejected.Value);

        Assert.Same(reason, caught.InnerException);
    }

    [Fact]
    public void Value_Pending_ThrowsWithoutInnerException()
    {
        var caught = Assert.Throws<InvalidOperationException>(() => Promise.WithResolvers<int>().Promise.Value);

        Assert.Null(caught.InnerException);
        Assert.Contains("pending", caught.Message, StringComparison.Ordinal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowFromNamedMethod(int value) => throw new FormatException($"thrown for {value}");
}
