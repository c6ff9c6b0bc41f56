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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowFromNamedMethod(int value) => throw new FormatException($"thrown for {value}");
}
