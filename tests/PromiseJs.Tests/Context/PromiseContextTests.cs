using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary>
/// <see cref="PromiseContext"/>: the node (parent, name, live children), the async-local <see cref="PromiseContext.Current"/>,
/// entering, <see cref="PromiseContext.RequireCurrent"/>, the <see cref="PromiseContext.Wrap{T}"/> decorator, explicit
/// completion, and waiting for and inspecting children.
/// </summary>
public sealed class PromiseContextTests
{
    // ----- the node: parent, name, children -----

    [Fact]
    public void Constructor_NoCurrentContext_IsAnUnnamedPendingRoot()
    {
        var context = new PromiseContext();

        Assert.Null(context.Parent);
        Assert.Null(context.Name);
        Assert.Empty(context.Children);
        Assert.Equal(PromiseState.Pending, context.State);
        Assert.Equal(PromiseState.Pending, context.Completion.State);
    }

    [Fact]
    public void Constructor_InsideAnEnteredContext_IsItsChild()
    {
        var parent = new PromiseContext(new() { Name = "parent" });
        PromiseContext child;

        using (parent.Enter())
        {
            child = new PromiseContext(new() { Name = "child" });
        }

        Assert.Same(parent, child.Parent);
        Assert.Equal("child", child.Name);
        Assert.Equal([child], parent.Children);
    }

    [Fact]
    public void Constructor_ParentOption_OverridesTheCurrentContext()
    {
        var current = new PromiseContext(new() { Name = "current" });
        var chosen = new PromiseContext(new() { Name = "chosen" });
        PromiseContext child;

        using (current.Enter())
        {
            child = new PromiseContext(new() { Parent = chosen });
        }

        Assert.Same(chosen, child.Parent);
        Assert.Equal([child], chosen.Children);
        Assert.Empty(current.Children);
    }

    [Fact]
    public void Constructor_Orphan_HasNoParentEvenInsideAContext()
    {
        var current = new PromiseContext();
        PromiseContext orphan;

        using (current.Enter())
        {
            orphan = new PromiseContext(new() { Orphan = true });
        }

        Assert.Null(orphan.Parent);
        Assert.Empty(current.Children);
    }

    [Fact]
    public void ToString_NamedOrNot_IsTheNameOrAPlaceholder()
    {
        Assert.Equal("fetch", new PromiseContext(new() { Name = "fetch" }).ToString());
        Assert.Equal("(unnamed)", new PromiseContext().ToString());
    }

    [Fact]
    public void Children_SeveralLive_AreListedOldestFirst()
    {
        var parent = new PromiseContext();

        var first = new PromiseContext(new() { Parent = parent, Name = "1" });
        var second = new PromiseContext(new() { Parent = parent, Name = "2" });
        var third = new PromiseContext(new() { Parent = parent, Name = "3" });

        Assert.Equal([first, second, third], parent.Children);
    }

    [Fact]
    public void Children_ChildCompletes_DropsOutOfItsParent()
    {
        var parent = new PromiseContext();
        var first = new PromiseContext(new() { Parent = parent });
        var second = new PromiseContext(new() { Parent = parent });
        var third = new PromiseContext(new() { Parent = parent });

        second.Complete();

        Assert.Equal([first, third], parent.Children);
    }

    [Fact]
    public void Complete_ExplicitContext_FulfillsItsCompletionOnce()
    {
        var context = new PromiseContext();

        context.Complete();
        context.Complete();

        Assert.Equal(PromiseState.Fulfilled, context.State);
        Assert.Equal(PromiseState.Fulfilled, context.Completion.State);
    }

    [Fact]
    public void Complete_NodeOfAWorkPromise_ThrowsInvalidOperationException()
    {
        Exception? error = null;

        PromiseLoop.Run(() => Promise.Run(() =>
        {
            error = Record.Exception(() => PromiseContext.RequireCurrent().Complete());
            return Promise.Resolve();
        }));

        Assert.IsType<InvalidOperationException>(error);
    }

    // ----- Current: async-local -----

    [Fact]
    public void Current_NothingEntered_IsNull()
    {
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task Current_AfterEnter_FlowsIntoAwaitsAndTaskRun()
    {
        var context = new PromiseContext();

        using (context.Enter())
        {
            await Task.Yield();
            Assert.Same(context, PromiseContext.Current);

            PromiseContext? seenByTaskRun = await Task.Run(() => PromiseContext.Current);
            Assert.Same(context, seenByTaskRun);

            await Task.Run(async () =>
            {
                await Task.Yield();
                Assert.Same(context, PromiseContext.Current);
            });
            Assert.Same(context, PromiseContext.Current);
        }

        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task Current_EnteredInsideAnAsyncMethodThatNeverLeaves_DoesNotLeakToTheCaller()
    {
        var context = new PromiseContext();

        await EnterWithoutLeavingAsync(context, awaitFirst: false);
        Assert.Null(PromiseContext.Current);

        // Had it leaked, entering it again here would throw "already active".
        await EnterWithoutLeavingAsync(context, awaitFirst: true);
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public void Current_EnteredInsideAnAsyncMethodThatCompletesSynchronously_DoesNotLeakToTheCaller()
    {
        var context = new PromiseContext();

        Task entered = EnterOnlyAsync(context);

        Assert.True(entered.IsCompletedSuccessfully);
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task Current_EnteredOnAnotherFlow_IsNotSeenHere()
    {
        var context = new PromiseContext();

        await Task.Run(() => context.Enter());

        Assert.Null(PromiseContext.Current);
    }

    // ----- Enter -----

    [Fact]
    public void Enter_MakesTheContextCurrentUntilTheScopeIsDisposed()
    {
        var context = new PromiseContext();

        using (PromiseContextScope scope = context.Enter())
        {
            Assert.Same(context, PromiseContext.Current);
            Assert.Same(context, scope.Context);
        }

        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public void Enter_AlreadyTheCurrentContext_ThrowsPromiseContextException()
    {
        var context = new PromiseContext(new() { Name = "busy" });

        using (context.Enter())
        {
            var error = Assert.Throws<PromiseContextException>(() => context.Enter());

            Assert.Contains("busy", error.Message);
            Assert.Contains("already active", error.Message);
            Assert.Same(context, PromiseContext.Current);
        }

        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public void Enter_ActiveFurtherOutInTheFlow_ThrowsPromiseContextException()
    {
        var outer = new PromiseContext();
        var inner = new PromiseContext();

        using (outer.Enter())
        using (inner.Enter())
        {
            Assert.Throws<PromiseContextException>(() => outer.Enter());
            Assert.Same(inner, PromiseContext.Current);
        }
    }

    [Fact]
    public void Enter_AParentThatIsNotActive_FromItsChildsWork_Succeeds()
    {
        // The child's work runs under a context other than its parent, so the parent is no entry of the flow's stack.
        var parent = new PromiseContext();
        var other = new PromiseContext();
        PromiseContext? currentAfterEnter = null;

        using (other.Enter())
        {
            Promise.Run(
                async () =>
                {
                    using (parent.Enter())
                    {
                        currentAfterEnter = PromiseContext.Current;
                    }

                    await Promise.Resolve();
                },
                new() { Parent = parent }).Wait();
        }

        Assert.Same(parent, currentAfterEnter);
    }

    [Fact]
    public void Enter_AnAncestorActiveThroughNestedAsyncMethods_ThrowsPromiseContextException()
    {
        var outer = new PromiseContext(new() { Name = "outer" });
        PromiseContextException? error = null;
        PromiseContext? currentAfterwards = null;

        using (outer.Enter())
        {
            Outer().Wait();
        }

        Assert.NotNull(error);
        Assert.Contains("already active", error.Message);
        Assert.Same(outer, currentAfterwards?.Parent?.Parent);
        Assert.Null(PromiseContext.Current);

        async Promise Outer() => await Inner();

        async Promise Inner()
        {
            error = Assert.Throws<PromiseContextException>(() => outer.Enter());
            currentAfterwards = PromiseContext.Current;
            await Promise.Resolve();
        }
    }

    [Fact]
    public void Enter_InsideNestedAsyncMethods_LeavesBackToTheInnermostMethod()
    {
        var explicitContext = new PromiseContext();
        var seen = new List<PromiseContext?>();

        Outer().Wait();
        seen.Add(PromiseContext.Current);

        Assert.Equal(5, seen.Count);
        Assert.NotNull(seen[0]);
        Assert.Same(explicitContext, seen[1]);
        Assert.Same(seen[0], seen[2]);
        Assert.Same(seen[0]!.Parent, seen[3]);
        Assert.NotNull(seen[3]);
        Assert.Null(seen[4]);

        async Promise Outer()
        {
            await Inner();
            seen.Add(PromiseContext.Current);
        }

        async Promise Inner()
        {
            seen.Add(PromiseContext.Current);
            using (explicitContext.Enter())
            {
                seen.Add(PromiseContext.Current);
            }

            seen.Add(PromiseContext.Current);
            await Promise.Resolve();
        }
    }

    [Fact]
    public void Enter_AfterItsScopeWasDisposed_Succeeds()
    {
        var context = new PromiseContext();

        context.Enter().Dispose();
        using (context.Enter())
        {
            Assert.Same(context, PromiseContext.Current);
        }
    }

    // ----- RequireCurrent -----

    [Fact]
    public void RequireCurrent_NoContext_ThrowsPromiseContextException()
    {
        var error = Assert.Throws<PromiseContextException>(PromiseContext.RequireCurrent);

        Assert.Contains("No promise context is current", error.Message);
    }

    [Fact]
    public void RequireCurrent_InsideAnEnteredContext_ReturnsIt()
    {
        var context = new PromiseContext();

        using (context.Enter())
        {
            Assert.Same(context, PromiseContext.RequireCurrent());
        }
    }

    // ----- Wrap: the decorator form -----

    [Fact]
    public void Wrap_NotCalled_RunsNothingAndMakesNoNode()
    {
        var caller = new PromiseContext();
        int calls = 0;

        using (caller.Enter())
        {
            _ = PromiseContext.Wrap(() =>
            {
                calls++;
                return Promise.Resolve(1);
            });
        }

        Assert.Equal(0, calls);
        Assert.Empty(caller.Children);
    }

    [Fact]
    public void Wrap_CalledTwice_RunsTheFunctionAsANewChildNodeEachTime()
    {
        var nodes = new List<PromiseContext>();
        var release = Promise.WithResolvers<int>();
        Func<Promise<int>> fetch = PromiseContext.Wrap(
            () =>
            {
                nodes.Add(PromiseContext.RequireCurrent());
                return release.Promise;
            },
            new() { Name = "fetch" });

        PromiseLoop.Run(async () =>
        {
            var caller = new PromiseContext(new() { Name = "caller" });
            Promise<int> first;
            Promise<int> second;
            using (caller.Enter())
            {
                first = fetch();
                second = fetch();
            }

            Assert.Equal(2, nodes.Count);
            Assert.NotSame(nodes[0], nodes[1]);
            Assert.All(nodes, node =>
            {
                Assert.Equal("fetch", node.Name);
                Assert.Same(caller, node.Parent);
            });
            Assert.Same(first, nodes[0].Completion);
            Assert.Same(second, nodes[1].Completion);
            Assert.Equal(nodes, caller.Children);

            release.Resolve(3);
            int[] values = await Promise.All(first, second);
            Assert.Equal([3, 3], values);
            Assert.Empty(caller.Children);
        });
    }

    [Fact]
    public void Wrap_ValueLessFunction_RunsItAsANewNodeEachTime()
    {
        var caller = new PromiseContext();
        var nodes = new List<PromiseContext>();
        Func<Promise> work = PromiseContext.Wrap(() =>
        {
            nodes.Add(PromiseContext.RequireCurrent());
            return Promise.Resolve();
        });

        Promise first;
        Promise second;
        using (caller.Enter())
        {
            first = work();
            second = work();
        }

        Assert.Equal(2, nodes.Count);
        Assert.NotSame(nodes[0], nodes[1]);
        Assert.All(nodes, node => Assert.Same(caller, node.Parent));
        Assert.Same(first, nodes[0].Completion);
        Assert.Same(second, nodes[1].Completion);
    }

    // ----- what is not a node -----

    [Fact]
    public void DerivedAndCombinedPromises_MadeInsideAContext_AreNotChildren()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            using (context.Enter())
            {
                var source = Promise.Resolve(1);
                var resolvers = Promise.WithResolvers<int>();
                var chained = source.Then(x => x + 1).Catch(_ => 0).Finally(() => { });
                var combined = Promise.All(
                    Promise.All(source, chained).Then(values => values[0]),
                    Promise.Race(source, resolvers.Promise),
                    Promise.Any(source, chained),
                    Promise.AllSettled(source).Then(results => results.Length),
                    Promise.Try(() => 1),
                    Promise.From(Task.FromResult(1)),
                    new Promise<int>((resolve, _) => resolve(1)));

                Assert.Empty(context.Children);
                await combined;
                await Promise.Delay(0);
                Assert.Empty(context.Children);
            }
        });
    }

    // ----- WhenChildren -----

    [Fact]
    public void WhenChildren_NoPendingChildren_IsAlreadyFulfilled()
    {
        var context = new PromiseContext();
        new PromiseContext(new() { Parent = context }).Complete();

        Assert.Equal(PromiseState.Fulfilled, context.WhenChildren().State);
        Assert.Equal(PromiseState.Fulfilled, context.WhenChildren(recursive: false).State);
    }

    [Fact]
    public void WhenChildren_PendingChildren_FulfillsOnlyOnceAllHaveSettled()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            var first = Promise.WithResolvers<int>();
            var second = Promise.WithResolvers<int>();
            _ = Promise.Run(() => first.Promise, new() { Parent = context });
            _ = Promise.Run(() => second.Promise, new() { Parent = context });

            Promise whenChildren = context.WhenChildren(recursive: false);
            first.Resolve(1);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            second.Resolve(2);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Fulfilled, whenChildren.State);
        });
    }

    [Fact]
    public void WhenChildren_ChildStartedWhileWaiting_WaitsForItToo()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            var first = Promise.WithResolvers<int>();
            var late = Promise.WithResolvers<int>();
            _ = Promise.Run(() => first.Promise, new() { Parent = context });

            Promise whenChildren = context.WhenChildren(recursive: false);
            _ = Promise.Run(() => late.Promise, new() { Parent = context });
            first.Resolve(1);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            late.Resolve(2);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Fulfilled, whenChildren.State);
        });
    }

    [Fact]
    public void WhenChildren_Recursive_WaitsForAGrandchildOfAPendingChild()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            var child = new PromiseContext(new() { Parent = context });
            var release = Promise.WithResolvers<int>();
            _ = Promise.Run(() => release.Promise, new() { Parent = child });

            Promise whenChildren = context.WhenChildren(recursive: true);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            release.Resolve(1);
            child.Complete();
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Fulfilled, whenChildren.State);
        });
    }

    [Fact]
    public void WhenChildren_Recursive_WaitsForAGrandchildThatOutlivesItsParent()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            var release = Promise.WithResolvers<int>();
            Promise<int>? grandchild = null;
            Promise child = Promise.Run(
                () =>
                {
                    grandchild = Promise.Run(() => release.Promise);
                    return Promise.Resolve();
                },
                new() { Parent = context });

            Promise whenChildren = context.WhenChildren(recursive: true);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Fulfilled, child.State);
            Assert.Equal(PromiseState.Pending, grandchild!.State);
            Assert.Equal(PromiseState.Pending, whenChildren.State);

            release.Resolve(1);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Fulfilled, whenChildren.State);
        });
    }

    [Fact]
    public void WhenChildren_NotRecursive_DoesNotWaitForAGrandchildThatOutlivesItsParent()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            var release = Promise.WithResolvers<int>();
            _ = Promise.Run(
                () =>
                {
                    Promise.Run(() => release.Promise);
                    return Promise.Resolve();
                },
                new() { Parent = context });

            Promise whenChildren = context.WhenChildren(recursive: false);
            await LoopTurn.Several();
            Assert.Equal(PromiseState.Fulfilled, whenChildren.State);

            release.Resolve(1);
        });
    }

    [Fact]
    public void WhenChildren_AChildRejects_FulfillsAnyway()
    {
        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(async () =>
            {
                var context = new PromiseContext();
                var failing = Promise.WithResolvers<int>();
                Promise<int> child = Promise.Run(() => failing.Promise, new() { Parent = context });

                Promise whenChildren = context.WhenChildren();
                failing.Reject(new FormatException("child failed"));
                await whenChildren;

                Assert.Equal(PromiseState.Fulfilled, whenChildren.State);
                Assert.Equal(PromiseState.Rejected, child.State);
            });
        }
    }

    // ----- WaitForChildren: the blocking form -----

    [Fact]
    public void WaitForChildren_ChildrenSettleOnAnotherThread_ReturnsOnceTheyHave()
    {
        using var noContext = SynchronizationContextScope.None();
        var context = new PromiseContext();
        var release = Promise.WithResolvers<int>();
        Promise<int> child = Promise.Run(() => release.Promise, new() { Parent = context });

        ThreadPool.QueueUserWorkItem(state => release.Resolve(5));
        context.WaitForChildren(TestTimeouts.Generous);

        Assert.Equal(5, child.Value);
        Assert.Empty(context.Children);
    }

    [Fact]
    public void WaitForChildren_ChildrenStillPending_ThrowsTimeoutException()
    {
        using var noContext = SynchronizationContextScope.None();
        var context = new PromiseContext();
        var never = Promise.WithResolvers<int>();
        Promise.Run(() => never.Promise, new() { Parent = context });

        Assert.Throws<TimeoutException>(() => context.WaitForChildren(TestTimeouts.Short));
    }

    [Fact]
    public void WaitForChildren_AChildRejects_ReturnsWithoutThrowing()
    {
        using var noContext = SynchronizationContextScope.None();
        using var suppressed = Promise.SuppressUnhandledRejections();
        var context = new PromiseContext();
        var failing = Promise.WithResolvers<int>();
        Promise<int> child = Promise.Run(() => failing.Promise, new() { Parent = context });

        ThreadPool.QueueUserWorkItem(state => failing.Reject(new FormatException("child failed")));
        context.WaitForChildren(TestTimeouts.Generous);

        Assert.IsType<FormatException>(child.Reason);
    }

    [Fact]
    public void WaitForChildren_OnTheLoopThreadWithPendingChildren_ThrowsInvalidOperationException()
    {
        Exception? error = null;

        PromiseLoop.Run(() =>
        {
            var context = new PromiseContext();
            var release = Promise.WithResolvers<int>();
            Promise.Run(() => release.Promise, new() { Parent = context });

            error = Record.Exception(() => context.WaitForChildren(TestTimeouts.Generous));
            release.Resolve(1);
            return Promise.Resolve();
        });

        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void WaitForChildren_OnTheLoopThreadWithoutPendingChildren_Returns()
    {
        PromiseLoop.Run(() =>
        {
            var context = new PromiseContext();
            new PromiseContext(new() { Parent = context }).Complete();

            context.WaitForChildren(TestTimeouts.Generous);
            return Promise.Resolve();
        });
    }

    // ----- GetPendingChildren -----

    [Fact]
    public void GetPendingChildren_MixedStates_ListsOnlyThePendingOnes()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        var never = Promise.WithResolvers<int>();
        PromiseContext context = null!;
        PromiseContext pendingExplicit = null!;

        // On a loop (the tree's scheduler), so the settled works' nodes have finished when Run returns.
        PromiseLoop.Run(() =>
        {
            context = new PromiseContext();
            pendingExplicit = new PromiseContext(new() { Parent = context, Name = "pending explicit" });
            new PromiseContext(new() { Parent = context, Name = "completed explicit" }).Complete();
            Promise.Run(() => Promise.Resolve(1), new() { Parent = context, Name = "fulfilled work" });
            Promise.Run(() => Promise.Reject<int>(new FormatException()), new() { Parent = context, Name = "rejected work" });
            Promise.Run(() => never.Promise, new() { Parent = context, Name = "pending work" });
            return Promise.Resolve();
        });

        IReadOnlyList<PromiseContext> pending = context.GetPendingChildren();

        Assert.Equal(["pending explicit", "pending work"], pending.Select(node => node.Name));
        Assert.Equal(PromiseState.Pending, pendingExplicit.State);
    }

    [Fact]
    public void GetPendingChildren_Recursive_IncludesPendingGrandchildrenOnly()
    {
        var context = new PromiseContext();
        var a = new PromiseContext(new() { Parent = context, Name = "a" });
        var a1 = new PromiseContext(new() { Parent = a, Name = "a1" });
        new PromiseContext(new() { Parent = a, Name = "a2" }).Complete();
        var b = new PromiseContext(new() { Parent = context, Name = "b" });
        var b1 = new PromiseContext(new() { Parent = b, Name = "b1" });

        Assert.Equal([a, b], context.GetPendingChildren(recursive: false));
        Assert.Equal(
            ["a", "a1", "b", "b1"],
            context.GetPendingChildren(recursive: true).Select(node => node.Name!).Order());
        Assert.Contains(a1, context.GetPendingChildren(recursive: true));
        Assert.Contains(b1, context.GetPendingChildren(recursive: true));
    }

    [Fact]
    public void GetPendingChildren_Recursive_ListsDepthFirstAsDocumented()
    {
        var context = new PromiseContext();
        var a = new PromiseContext(new() { Parent = context, Name = "a" });
        new PromiseContext(new() { Parent = a, Name = "a1" });
        var b = new PromiseContext(new() { Parent = context, Name = "b" });
        new PromiseContext(new() { Parent = b, Name = "b1" });

        Assert.Equal(["a", "a1", "b", "b1"], context.GetPendingChildren(recursive: true).Select(node => node.Name));
    }

    private static async Task EnterWithoutLeavingAsync(PromiseContext context, bool awaitFirst)
    {
        if (awaitFirst)
        {
            await Task.Yield();
        }

        context.Enter();
        Assert.Same(context, PromiseContext.Current);
        await Task.Yield();
        Assert.Same(context, PromiseContext.Current);
    }

#pragma warning disable CS1998 // Deliberately no await: the method completes synchronously, which must still not leak its context.
    private static async Task EnterOnlyAsync(PromiseContext context)
    {
        context.Enter();
    }
#pragma warning restore CS1998
}
