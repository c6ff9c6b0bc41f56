using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary><see cref="PromiseContext.WhenChildren(bool, CancellationToken)"/> and
/// <see cref="PromiseContext.WaitForChildren(TimeSpan, bool, CancellationToken)"/>: a token stops the wait (never the
/// children), and its registration goes once the children are done.</summary>
public sealed class PromiseContextWhenChildrenCancellationTests
{
    [Fact]
    public void WhenChildren_TokenCancelledFirst_RejectsWithOperationCanceledExceptionAndTheChildrenGoOn()
    {
        using var cancellation = new CancellationTokenSource();
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext(new() { Orphan = true });
            var release = Promise.WithResolvers<int>();
            Promise<int> child = Promise.Run(() => release.Promise, new() { Parent = context, Name = "child" });

            Promise whenChildren = context.WhenChildren(recursive: true, cancellation.Token);
            Exception? reason = null;
            Promise observed = whenChildren.Catch(e => reason = e);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            cancellation.Cancel();
            await observed;

            OperationCanceledException cancelled = Assert.IsType<OperationCanceledException>(reason);
            Assert.Equal(cancellation.Token, cancelled.CancellationToken);
            PromiseContext node = Assert.Single(context.Children);
            Assert.False(node.IsCancellationRequested);
            Assert.Equal(PromiseState.Pending, child.State);

            release.Resolve(1);
            Assert.Equal(1, await child);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Rejected, whenChildren.State);
            Assert.Equal(PromiseState.Fulfilled, context.WhenChildren().State);
        });
    }

    [Fact]
    public void WhenChildren_ChildrenFinishFirst_FulfillsAndALaterCancelChangesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        Promise? whenChildren = null;

        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext(new() { Orphan = true });
            var release = Promise.WithResolvers<int>();
            _ = Promise.Run(() => release.Promise, new() { Parent = context });

            whenChildren = context.WhenChildren(recursive: false, cancellation.Token);
            release.Resolve(1);
            await whenChildren;
        });
        cancellation.Cancel();

        Assert.Equal(PromiseState.Fulfilled, whenChildren!.State);
    }

    [Fact]
    public void WhenChildren_ChildrenFinishFirst_TheTokenNoLongerHoldsTheWait()
    {
        using var cancellation = new CancellationTokenSource();

        WeakReference wait = WaitThatFinishes(cancellation.Token);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // Had the registration stayed, the token source (alive here) would keep the wait reachable through its callback.
        Assert.False(wait.IsAlive);
        GC.KeepAlive(cancellation);
    }

    [Fact]
    public void WhenChildren_TokenAlreadyCancelled_RejectsAtOnceEvenWithoutChildren()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var context = new PromiseContext(new() { Orphan = true });

        Promise whenChildren = context.WhenChildren(recursive: true, cancellation.Token);
        whenChildren.Catch(_ => { });

        Assert.Equal(PromiseState.Rejected, whenChildren.State);
        OperationCanceledException reason = Assert.IsType<OperationCanceledException>(whenChildren.Reason);
        Assert.Equal(cancellation.Token, reason.CancellationToken);
    }

    [Fact]
    public void WhenChildren_LiveTokenAndNoPendingChildren_IsAlreadyFulfilled()
    {
        using var cancellation = new CancellationTokenSource();
        var context = new PromiseContext(new() { Orphan = true });
        new PromiseContext(new() { Parent = context }).Complete();

        Assert.Equal(PromiseState.Fulfilled, context.WhenChildren(recursive: true, cancellation.Token).State);
        Assert.Equal(PromiseState.Fulfilled, context.WhenChildren(recursive: false, CancellationToken.None).State);
    }

    [Fact]
    public void WhenChildren_TokenThatCannotBeCancelled_WaitsAsWithoutAToken()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext(new() { Orphan = true });
            var release = Promise.WithResolvers<int>();
            _ = Promise.Run(() => release.Promise, new() { Parent = context });

            Promise whenChildren = context.WhenChildren(recursive: true, CancellationToken.None);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            release.Resolve(1);
            await whenChildren;
        });
    }

    [Fact]
    public void WaitForChildren_TokenCancelled_ThrowsOperationCanceledExceptionAndTheChildrenGoOn()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var context = new PromiseContext(new() { Orphan = true });
        var release = Promise.WithResolvers<int>();
        Promise<int> child = Promise.Run(() => release.Promise, new() { Parent = context });

        Assert.Throws<OperationCanceledException>(() => context.WaitForChildren(TestTimeouts.Generous, recursive: true, cancellation.Token));

        Assert.False(Assert.Single(context.Children).IsCancellationRequested);
        release.Resolve(1);
        Assert.Equal(1, child.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void WaitForChildren_CancelledFromAnotherThreadWhileWaiting_ThrowsOperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var context = new PromiseContext(new() { Orphan = true });
        var release = Promise.WithResolvers<int>();
        _ = Promise.Run(() => release.Promise, new() { Parent = context });
        using var canceller = Task.Run(cancellation.Cancel);

        Assert.Throws<OperationCanceledException>(() => context.WaitForChildren(TestTimeouts.Generous, recursive: false, cancellation.Token));
        release.Resolve(1);
    }

    [Fact]
    public void WaitForChildren_ChildrenFinishOnAnotherThread_ReturnsWithTheTokenLive()
    {
        using var cancellation = new CancellationTokenSource();
        var context = new PromiseContext(new() { Orphan = true });
        var release = Promise.WithResolvers<int>();
        _ = Promise.Run(() => release.Promise, new() { Parent = context });
        // Joined at the end, not disposed at once: the children can finish while Resolve is still returning on it.
        var releaser = new Thread(() => release.Resolve(1));
        releaser.Start();

        context.WaitForChildren(TestTimeouts.Generous, recursive: true, cancellation.Token);

        Assert.Empty(context.Children);
        Assert.True(releaser.Join(TestTimeouts.Generous));
    }

    // Kept out of line so no local of the test method holds the wait.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WaitThatFinishes(CancellationToken token)
    {
        WeakReference? weak = null;
        PromiseLoop.Run(() =>
        {
            var context = new PromiseContext(new() { Orphan = true });
            var release = Promise.WithResolvers<int>();
            _ = Promise.Run(() => release.Promise, new() { Parent = context });
            Promise whenChildren = context.WhenChildren(recursive: true, token);
            weak = new WeakReference(whenChildren);
            release.Resolve(1);
            return whenChildren;
        }, CancellationToken.None);

        return weak!;
    }
}
