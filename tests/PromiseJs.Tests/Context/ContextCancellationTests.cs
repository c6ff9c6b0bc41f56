using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary>
/// Cancellation down the tree: <see cref="PromiseContext.Cancel"/> cancels a node and its descendants, their
/// <see cref="PromiseContext.CancellationToken"/>s are cancelled and their pending work promises reject with
/// <see cref="OperationCanceledException"/>; a child created under a cancelled parent is cancelled at once; an external
/// token in the options cancels the node; work reads its token through <see cref="PromiseContext.Current"/>.
/// </summary>
public sealed class ContextCancellationTests
{
    [Fact]
    public void Cancel_Context_CancelsEveryDescendant()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var root = new PromiseContext(new() { Name = "root" });
        var child = new PromiseContext(new() { Parent = root, Name = "child" });
        var never = Promise.WithResolvers<int>();
        PromiseContext? grandchild = null;
        Promise<int> grandchildWork = Promise.Run(
            () =>
            {
                grandchild = PromiseContext.Current;
                return never.Promise;
            },
            new() { Parent = child });
        CancellationToken childToken = child.CancellationToken;

        root.Cancel();

        Assert.True(root.IsCancellationRequested);
        Assert.True(child.IsCancellationRequested);
        Assert.True(grandchild!.IsCancellationRequested);
        Assert.True(childToken.IsCancellationRequested);
        Assert.True(grandchild.CancellationToken.IsCancellationRequested);
        Assert.Equal(PromiseState.Rejected, grandchildWork.State);
        Assert.IsAssignableFrom<OperationCanceledException>(grandchildWork.Reason);
    }

    [Fact]
    public void Cancel_GrandchildThatOutlivesItsParentWork_IsCancelledToo()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var root = new PromiseContext();
        var never = Promise.WithResolvers<int>();
        Promise<int>? grandchild = null;
        Promise child = Promise.Run(
            () =>
            {
                grandchild = Promise.Run(() => never.Promise);
                return Promise.Resolve();
            },
            new() { Parent = root });
        child.Wait(TestTimeouts.Generous);
        Assert.Equal(PromiseState.Fulfilled, child.State);

        root.Cancel();

        Assert.Equal(PromiseState.Rejected, grandchild!.State);
        Assert.IsAssignableFrom<OperationCanceledException>(grandchild.Reason);
    }

    [Fact]
    public void Cancel_Child_DoesNotCancelItsParentOrSiblings()
    {
        var parent = new PromiseContext();
        var cancelled = new PromiseContext(new() { Parent = parent });
        var sibling = new PromiseContext(new() { Parent = parent });

        cancelled.Cancel();

        Assert.True(cancelled.IsCancellationRequested);
        Assert.False(parent.IsCancellationRequested);
        Assert.False(sibling.IsCancellationRequested);
        Assert.False(sibling.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void CancellationToken_ReadBeforeOrAfterCancel_IsCancelled()
    {
        var readBefore = new PromiseContext();
        var readAfter = new PromiseContext();
        CancellationToken before = readBefore.CancellationToken;
        Assert.False(before.IsCancellationRequested);

        readBefore.Cancel();
        readAfter.Cancel();

        Assert.True(before.IsCancellationRequested);
        Assert.True(readAfter.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void Cancel_PendingWorkPromise_RejectsWithOperationCanceledExceptionCarryingTheNodesToken()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var parent = new PromiseContext();
        var never = Promise.WithResolvers<int>();
        PromiseContext? node = null;
        Promise<int> work = Promise.Run(
            () =>
            {
                node = PromiseContext.Current;
                return never.Promise;
            },
            new() { Parent = parent });

        parent.Cancel();

        var reason = Assert.IsAssignableFrom<OperationCanceledException>(work.Reason);
        Assert.True(reason.CancellationToken.IsCancellationRequested);
        Assert.Equal(node!.CancellationToken, reason.CancellationToken);
        Assert.Empty(parent.Children);
    }

    [Fact]
    public void Cancel_PendingAsyncWork_IsAwaitedAsOperationCanceledException()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();

        PromiseLoop.Run(async () =>
        {
            var parent = new PromiseContext();
            var never = Promise.WithResolvers<int>();
            Promise<int> work = Promise.Run(async () => await never.Promise + 1, new() { Parent = parent });

            parent.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await work);
        });
    }

    [Fact]
    public void Cancel_WorkWhoseBodyRunsOn_RejectsAtOnceButStaysInTheTreeUntilTheBodyEnds()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        bool bodiesEnded = false;

        PromiseLoop.Run(async () =>
        {
            var release = Promise.WithResolvers();
            var root = new PromiseContext(new() { Name = "root" });
            Promise taskBody = Promise.Run(async () => await release.Promise, new() { Parent = root });
            Promise methodBody;
            using (root.Enter())
            {
                methodBody = AwaitThenReturn(release.Promise);
            }

            await LoopTurn.Next();
            root.Cancel();
            Promise whenChildren = root.WhenChildren();

            Assert.Equal(PromiseState.Rejected, taskBody.State);
            Assert.Equal(PromiseState.Rejected, methodBody.State);
            await LoopTurn.Several();
            Assert.Equal(2, root.Children.Count);
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            release.Resolve();
            await whenChildren;
            bodiesEnded = root.Children.Count == 0;
        });

        Assert.True(bodiesEnded);
    }

    private static async Promise AwaitThenReturn(Promise promise) => await promise;

    [Fact]
    public void Cancel_SettledWork_KeepsItsOutcome()
    {
        var parent = new PromiseContext();
        Promise<int> work = Promise.Run(() => Promise.Resolve(3), new() { Parent = parent });
        work.Wait(TestTimeouts.Generous);

        parent.Cancel();

        Assert.Equal(PromiseState.Fulfilled, work.State);
        Assert.Equal(3, work.Value);
    }

    [Fact]
    public void Cancel_WorkCancelsItsOwnNode_ItsPromiseRejectsWithOperationCanceledException()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();

        PromiseLoop.Run(async () =>
        {
            var never = Promise.WithResolvers<int>();
            Promise<int> work = Promise.Run(async () =>
            {
                PromiseContext.RequireCurrent().Cancel();
                return await never.Promise;
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await work);
        });
    }

    [Fact]
    public void Cancel_LazyWorkNotStartedYet_RejectsWithoutRunningIt()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var parent = new PromiseContext();
        bool ran = false;
        Promise<int> work = Promise.Run(
            () =>
            {
                ran = true;
                return Promise.Resolve(1);
            },
            new() { Parent = parent, Start = PromiseStart.Lazy });

        parent.Cancel();
        work.Then(x => x);

        Assert.Equal(PromiseState.Rejected, work.State);
        Assert.False(ran);
    }

    // ----- created under a cancelled parent -----

    [Fact]
    public void ChildCreatedUnderACancelledParent_ExplicitContext_IsCancelledAtOnce()
    {
        var parent = new PromiseContext();
        parent.Cancel();

        var child = new PromiseContext(new() { Parent = parent });

        Assert.True(child.IsCancellationRequested);
        Assert.True(child.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void ChildCreatedUnderACancelledParent_EagerWork_RejectsAtOnceWithoutRunning()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var parent = new PromiseContext();
        parent.Cancel();
        bool ran = false;

        Promise<int> work = Promise.Run(
            () =>
            {
                ran = true;
                return Promise.Resolve(1);
            },
            new() { Parent = parent });

        Assert.Equal(PromiseState.Rejected, work.State);
        Assert.IsAssignableFrom<OperationCanceledException>(work.Reason);
        Assert.False(ran);
    }

    [Fact]
    public void ChildCreatedUnderACancelledParent_LazyWork_RejectsAtOnce()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var parent = new PromiseContext();
        parent.Cancel();

        Promise<int> work = Promise.Run(() => Promise.Resolve(1), new() { Parent = parent, Start = PromiseStart.Lazy });

        Assert.Equal(PromiseState.Rejected, work.State);
        Assert.IsAssignableFrom<OperationCanceledException>(work.Reason);
    }

    [Fact]
    public void ChildCreatedUnderACancelledParent_AsyncPromiseMethod_RejectsAtOnce()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var parent = new PromiseContext();
        parent.Cancel();
        Promise<int> call;

        using (parent.Enter())
        {
            call = ReturnsAtOnce(7);
        }

        Assert.Equal(PromiseState.Rejected, call.State);
        Assert.IsAssignableFrom<OperationCanceledException>(call.Reason);
    }

    [Fact]
    public void ChildCreatedUnderACancelledGrandparent_IsCancelledAtOnce()
    {
        var grandparent = new PromiseContext();
        var parent = new PromiseContext(new() { Parent = grandparent });
        grandparent.Cancel();

        var child = new PromiseContext(new() { Parent = parent });

        Assert.True(child.IsCancellationRequested);
    }

    // ----- an external token -----

    [Fact]
    public void ExternalToken_Cancelled_CancelsTheNodeAndItsDescendants()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        using var source = new CancellationTokenSource();
        var context = new PromiseContext(new() { CancellationToken = source.Token });
        var never = Promise.WithResolvers<int>();
        Promise<int> child = Promise.Run(() => never.Promise, new() { Parent = context });

        source.Cancel();

        Assert.True(context.IsCancellationRequested);
        Assert.True(context.CancellationToken.IsCancellationRequested);
        Assert.Equal(PromiseState.Rejected, child.State);
        Assert.IsAssignableFrom<OperationCanceledException>(child.Reason);
    }

    [Fact]
    public void ExternalToken_OnRunWork_RejectsItsPendingPromise()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        using var source = new CancellationTokenSource();
        var never = Promise.WithResolvers<int>();
        Promise<int> work = Promise.Run(() => never.Promise, new() { CancellationToken = source.Token });

        source.Cancel();

        Assert.Equal(PromiseState.Rejected, work.State);
        Assert.IsAssignableFrom<OperationCanceledException>(work.Reason);
    }

    [Fact]
    public void ExternalToken_AlreadyCancelled_WorkRejectsAtOnceWithoutRunning()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        bool ran = false;

        Promise<int> work = Promise.Run(
            () =>
            {
                ran = true;
                return Promise.Resolve(1);
            },
            new() { CancellationToken = new CancellationToken(canceled: true) });

        Assert.Equal(PromiseState.Rejected, work.State);
        Assert.False(ran);
    }

    // ----- work reads its token -----

    [Fact]
    public void Work_ReadsItsTokenThroughCurrent_SeesTheCancellation()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var log = new List<string>();

        PromiseLoop.Run(async () =>
        {
            var parent = new PromiseContext();
            var started = Promise.WithResolvers();
            var stopped = Promise.WithResolvers();
            _ = Promise.Run(
                async () =>
                {
                    CancellationToken token = PromiseContext.RequireCurrent().CancellationToken;
                    var cancelled = new TaskCompletionSource();
                    using (token.Register(() => cancelled.SetResult()))
                    {
                        started.Resolve();
                        await cancelled.Task;
                    }

                    log.Add($"work saw cancellation: {token.IsCancellationRequested}");
                    stopped.Resolve();
                },
                new() { Parent = parent });

            await started.Promise;
            parent.Cancel();
            await stopped.Promise;
        });

        Assert.Equal(["work saw cancellation: True"], log);
    }

    [Fact]
    public void Work_ReadsItsTokenInsideSyncWork_IsTheNodesToken()
    {
        var parent = new PromiseContext();
        var scheduler = new ManualPromiseScheduler();
        CancellationToken seen = default;
        Promise<int> work = Promise.Run(
            () =>
            {
                seen = PromiseContext.RequireCurrent().CancellationToken;
                return 1;
            },
            new() { Parent = parent, Scheduler = scheduler });

        scheduler.RunAll();
        Assert.Equal(1, work.Value);
        Assert.True(seen.CanBeCanceled);
        Assert.False(seen.IsCancellationRequested);
    }

#pragma warning disable CS1998 // Deliberately no await: the method would complete within the call.
    private static async Promise<int> ReturnsAtOnce(int value) => value;
#pragma warning restore CS1998
}
