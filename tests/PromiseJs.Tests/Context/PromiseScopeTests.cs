using Microsoft.Extensions.Time.Testing;
using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary>
/// <see cref="PromiseScope"/>: a structured scope whose end waits for its children (or cancels them first), whose error
/// policy cancels the remaining siblings or lets them run, and which rethrows at its end the failures nobody observed;
/// with <c>await using</c> and the blocking <c>using</c>.
/// </summary>
public sealed class PromiseScopeTests
{
    // ----- opening -----

    [Fact]
    public void Open_MakesItsContextCurrentAsAChildOfTheCallersContext()
    {
        var caller = new PromiseContext();

        using (caller.Enter())
        {
            using (PromiseScope scope = PromiseScope.Open(new() { Name = "scope" }))
            {
                Assert.Same(scope.Context, PromiseContext.Current);
                Assert.Same(caller, scope.Context.Parent);
                Assert.Equal("scope", scope.Context.Name);
                Assert.Equal([scope.Context], caller.Children);
            }

            Assert.Same(caller, PromiseContext.Current);
            Assert.Empty(caller.Children);
        }
    }

    [Fact]
    public void Dispose_Ended_ItsContextIsFulfilled()
    {
        PromiseScope scope = PromiseScope.Open();

        scope.Dispose();

        Assert.Equal(PromiseState.Fulfilled, scope.Context.State);
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task DisposeAsync_SecondTimeOrAfterDispose_DoesNothing()
    {
        PromiseScope scope = PromiseScope.Open();

        await scope.DisposeAsync();
        await scope.DisposeAsync();
        scope.Dispose();

        Assert.Equal(PromiseState.Fulfilled, scope.Context.State);
    }

    [Fact]
    public async Task DisposeAsync_AwaitUsing_RestoresTheCallersContextAfterTheScope()
    {
        var caller = new PromiseContext(new() { Name = "caller" });
        using (caller.Enter())
        {
            await using (PromiseScope.Open(new() { Name = "scope" }))
            {
            }

            Assert.Same(caller, PromiseContext.Current);
        }
    }

    [Fact]
    public void DisposeAsync_AwaitUsingInsideALoop_PromisesStartedAfterTheScopeAreNotItsChildren()
    {
        PromiseContext? scopeContext = null;
        PromiseContext? currentAfter = null;
        PromiseContext? parentOfLaterWork = null;

        PromiseLoop.Run(async () =>
        {
            await using (PromiseScope scope = PromiseScope.Open())
            {
                scopeContext = scope.Context;
            }

            currentAfter = PromiseContext.Current;
            await Promise.Run(() =>
            {
                parentOfLaterWork = PromiseContext.Current!.Parent;
                return Promise.Resolve();
            });
        });

        Assert.Equal(PromiseState.Fulfilled, scopeContext!.State);
        Assert.Null(currentAfter);
        Assert.Null(parentOfLaterWork);
    }

    // ----- exit waits for children -----

    [Fact]
    public void AwaitUsing_ChildrenStillRunning_EndWaitsForThem()
    {
        var log = new List<string>();

        PromiseLoop.Run(async () =>
        {
            var release = Promise.WithResolvers<int>();
            await using (PromiseScope.Open())
            {
                _ = Promise.Run(async () =>
                {
                    await release.Promise;
                    log.Add("child done");
                });
                PromiseLoop.SetTimeout(
                    () =>
                    {
                        log.Add("released");
                        release.Resolve(1);
                    },
                    0);
            }

            log.Add("scope ended");
        });

        Assert.Equal(["released", "child done", "scope ended"], log);
    }

    [Fact]
    public void AwaitUsing_ChildStartedByAChildWhileWaiting_EndWaitsForItToo()
    {
        var log = new List<string>();

        PromiseLoop.Run(async () =>
        {
            var first = Promise.WithResolvers<int>();
            var second = Promise.WithResolvers<int>();
            await using (PromiseScope scope = PromiseScope.Open())
            {
                _ = Promise.Run(async () =>
                {
                    await first.Promise;
                    _ = Promise.Run(
                        async () =>
                        {
                            await second.Promise;
                            log.Add("late child done");
                        },
                        new() { Parent = scope.Context });
                    log.Add("first child done");
                });
                PromiseLoop.SetTimeout(() => first.Resolve(1), 0);
                PromiseLoop.SetTimeout(() => second.Resolve(2), 0);
            }

            log.Add("scope ended");
        });

        Assert.Equal(["first child done", "late child done", "scope ended"], log);
    }

    [Fact]
    public void AwaitUsing_GrandchildOutlivesItsParentChild_EndWaitsForIt()
    {
        var log = new List<string>();

        PromiseLoop.Run(async () =>
        {
            var release = Promise.WithResolvers<int>();
            await using (PromiseScope.Open())
            {
                _ = Promise.Run(() =>
                {
                    Promise.Run(async () =>
                    {
                        await release.Promise;
                        log.Add("grandchild done");
                    });
                    return Promise.Resolve();
                });
                PromiseLoop.SetTimeout(() => release.Resolve(1), 0);
            }

            log.Add("scope ended");
        });

        Assert.Equal(["grandchild done", "scope ended"], log);
    }

    [Fact]
    public void Using_ChildrenStillRunning_DisposeBlocksUntilTheySettle()
    {
        using var noContext = SynchronizationContextScope.None();
        var release = Promise.WithResolvers<int>();
        Promise<int> child;

        using (PromiseScope.Open())
        {
            child = Promise.Run(() => release.Promise);
            ThreadPool.QueueUserWorkItem(state => release.Resolve(7));
        }

        Assert.Equal(PromiseState.Fulfilled, child.State);
        Assert.Equal(7, child.Value);
    }

    [Fact]
    public void Dispose_OnTheLoopThreadWithPendingChildren_ThrowsInvalidOperationException()
    {
        Exception? error = null;

        PromiseLoop.Run(() =>
        {
            var release = Promise.WithResolvers<int>();
            PromiseScope scope = PromiseScope.Open();
            Promise.Run(() => release.Promise);

            error = Record.Exception(scope.Dispose);
            release.Resolve(1);
            return Promise.Resolve();
        });

        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void Dispose_OnTheLoopThreadWithoutPendingChildren_Ends()
    {
        PromiseScope? ended = null;

        PromiseLoop.Run(() =>
        {
            using (PromiseScope scope = PromiseScope.Open())
            {
                ended = scope;
                _ = SettlesAtOnce();
            }

            return Promise.Resolve();
        });

        Assert.Equal(PromiseState.Fulfilled, ended!.Context.State);
    }

    // A child node that has finished before its call returns: an async method that never awaits.
#pragma warning disable CS1998 // Deliberately without await: the method's promise settles inside the call.
    private static async Promise<int> SettlesAtOnce() => 1;
#pragma warning restore CS1998

    // ----- exit cancels children -----

    [Fact]
    public void AwaitUsing_ChildFailsAndSiblingsAreCancelled_EndsOnlyAfterTheCancelledChildrenFinish()
    {
        // Three children (60 ms, fails at 10 ms, 90 ms): the failure cancels the other two, whose bodies go on until their
        // delays end; the scope, like a trio nursery or an asyncio TaskGroup, ends only after they have.
        var clock = new FakeTimeProvider();
        var log = new List<string>();
        var failure = new FormatException("child failed");

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            Promise driver = AdvanceInSteps(clock, TimeSpan.FromMilliseconds(5), steps: 30);
            try
            {
                await using (PromiseScope.Open())
                {
                    _ = Promise.Run(async () =>
                    {
                        await Promise.Delay(TimeSpan.FromMilliseconds(60), clock);
                        log.Add("60 ms child finished");
                    });
                    _ = Promise.Run(async () =>
                    {
                        await Promise.Delay(TimeSpan.FromMilliseconds(10), clock);
                        throw failure;
                    });
                    _ = Promise.Run(async () =>
                    {
                        await Promise.Delay(TimeSpan.FromMilliseconds(90), clock);
                        log.Add("90 ms child finished");
                    });
                }
            }
            finally
            {
                log.Add("scope ended");
                await driver;
            }
        }));

        Assert.Same(failure, caught);
        Assert.Equal(["60 ms child finished", "90 ms child finished", "scope ended"], log);
    }

    private static async Promise AdvanceInSteps(FakeTimeProvider clock, TimeSpan step, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            await LoopTurn.Next();
            clock.Advance(step);
        }
    }

    [Fact]
    public void Exit_CancelChildren_CancelsThePendingChildrenAndDoesNotRethrowTheirCancellation()
    {
        Promise<int>? child = null;
        bool workSawCancellation = false;

        PromiseLoop.Run(async () =>
        {
            var never = Promise.WithResolvers<int>();
            await using (PromiseScope.Open(new() { Exit = PromiseScopeExit.CancelChildren }))
            {
                child = Promise.Run(() =>
                {
                    PromiseContext.RequireCurrent().CancellationToken.Register(() => workSawCancellation = true);
                    return never.Promise;
                });
            }
        });

        Assert.Equal(PromiseState.Rejected, child!.State);
        Assert.IsAssignableFrom<OperationCanceledException>(child.Reason);
        Assert.True(workSawCancellation);
    }

    [Fact]
    public void Exit_WaitForChildren_IsTheDefault()
    {
        Promise<int>? child = null;

        PromiseLoop.Run(async () =>
        {
            var release = Promise.WithResolvers<int>();
            await using (PromiseScope.Open())
            {
                child = Promise.Run(() => release.Promise);
                PromiseLoop.SetTimeout(() => release.Resolve(3), 0);
            }
        });

        Assert.Equal(3, child!.Value);
    }

    // ----- errors -----

    [Fact]
    public void Errors_CancelSiblings_OneChildFails_TheOthersAreCancelledAndTheFailureIsRethrown()
    {
        var reason = new FormatException("child failed");
        Promise<int>? sibling = null;

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            var never = Promise.WithResolvers<int>();
            await using (PromiseScope.Open(new() { Errors = PromiseScopeErrors.CancelSiblings }))
            {
                sibling = Promise.Run(() => never.Promise);
                _ = Promise.Run(async () =>
                {
                    await LoopTurn.Next();
                    throw reason;
                });
            }
        }));

        Assert.Same(reason, thrown);
        Assert.Equal(PromiseState.Rejected, sibling!.State);
        Assert.IsAssignableFrom<OperationCanceledException>(sibling.Reason);
    }

    [Fact]
    public void Errors_AnAsyncMethodCalledInTheScopeFailsAtOnce_TheFailureIsRethrownAndNotReportedUnhandled()
    {
        var reason = new FormatException("failed before its first await");
        Promise<int>? sibling = null;

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            var never = Promise.WithResolvers<int>();
            await using (PromiseScope.Open())
            {
                sibling = Promise.Run(() => never.Promise);
                _ = FailAtOnce(reason);
            }
        }));

        Assert.Same(reason, thrown);
        Assert.IsAssignableFrom<OperationCanceledException>(sibling!.Reason);
    }

    private static async Promise FailAtOnce(Exception reason)
    {
        if (reason is not null)
        {
            throw reason;
        }

        await Promise.Resolve();
    }

    [Fact]
    public void Errors_CancelSiblings_IsTheDefault()
    {
        Promise<int>? sibling = null;

        Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            var never = Promise.WithResolvers<int>();
            await using (PromiseScope.Open())
            {
                sibling = Promise.Run(() => never.Promise);
                _ = Promise.Run(async () =>
                {
                    await LoopTurn.Next();
                    throw new FormatException();
                });
            }
        }));

        Assert.IsAssignableFrom<OperationCanceledException>(sibling!.Reason);
    }

    [Fact]
    public void Errors_LetRun_OneChildFails_TheOthersFinishAndTheFailureIsRethrown()
    {
        var reason = new FormatException("child failed");
        Promise<int>? sibling = null;

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            await using (PromiseScope.Open(new() { Errors = PromiseScopeErrors.LetRun }))
            {
                sibling = Promise.Run(async () =>
                {
                    await LoopTurn.Several();
                    return 5;
                });
                _ = Promise.Run(async () =>
                {
                    await LoopTurn.Next();
                    throw reason;
                });
            }
        }));

        Assert.Same(reason, thrown);
        Assert.Equal(5, sibling!.Value);
    }

    [Fact]
    public void UnobservedFailures_Several_AreRethrownAsOneAggregateException()
    {
        var first = new FormatException("first");
        var second = new InvalidCastException("second");

        var thrown = Assert.Throws<AggregateException>(() => PromiseLoop.Run(async () =>
        {
            await using (PromiseScope.Open(new() { Errors = PromiseScopeErrors.LetRun }))
            {
                _ = Promise.Run<int>(() => throw first);
                _ = Promise.Run(async () =>
                {
                    await LoopTurn.Next();
                    throw second;
                });
            }
        }));

        Assert.Equal(2, thrown.InnerExceptions.Count);
        Assert.Contains(first, thrown.InnerExceptions);
        Assert.Contains(second, thrown.InnerExceptions);
    }

    [Fact]
    public void UnobservedFailure_One_IsRethrownItselfFromTheBlockingDispose()
    {
        using var noContext = SynchronizationContextScope.None();
        var reason = new FormatException("child failed");

        var thrown = Assert.Throws<FormatException>(() =>
        {
            using (PromiseScope.Open())
            {
                Promise.Run<int>(() => throw reason);
            }
        });

        Assert.Same(reason, thrown);
    }

    [Fact]
    public void ObservedFailure_ChildCaughtBySomebody_IsNotRethrown()
    {
        Exception? caught = null;

        PromiseLoop.Run(async () =>
        {
            await using (PromiseScope.Open())
            {
                Promise<int> child = Promise.Run<int>(async () =>
                {
                    await LoopTurn.Next();
                    throw new FormatException("handled");
                });
                _ = child.Catch(ex => caught = ex);
            }
        });

        Assert.IsType<FormatException>(caught);
    }

    [Fact]
    public void ObservedFailure_ChildAwaitedAfterItFailed_IsNotRethrown()
    {
        var reason = new FormatException("awaited");
        Exception? caught = null;

        PromiseLoop.Run(async () =>
        {
            await using (PromiseScope.Open())
            {
                Promise<int> child = Promise.Run<int>(() => throw reason);
                await LoopTurn.Next();
                try
                {
                    await child;
                }
                catch (FormatException ex)
                {
                    caught = ex;
                }
            }
        });

        Assert.Same(reason, caught);
    }

    // ----- options -----

    [Fact]
    public void Options_ChildrenStartLazy_ChildrenThatLeaveTheirsUnsetAreLazy()
    {
        int calls = 0;

        using (PromiseScope.Open(new() { ChildrenStart = PromiseStart.Lazy }))
        {
            Promise<int> child = Promise.Run(() =>
            {
                calls++;
                return Promise.Resolve(1);
            });
            Assert.Equal(0, calls);

            child.Then(x => x);
            Assert.Equal(1, calls);
        }
    }

    [Fact]
    public void Options_Scheduler_ChildrenRunOnIt()
    {
        var scheduler = new ManualPromiseScheduler();
        PromiseScope scope = PromiseScope.Open(new() { Scheduler = scheduler });
        Promise<bool> child = Promise.Run(() => scheduler.IsRunningHere);
        Assert.Same(scheduler, scope.Context.Scheduler);

        scheduler.RunAll();
        scope.Dispose();

        Assert.True(child.Value);
    }

    [Fact]
    public void Options_CancellationToken_CancelsTheChildren()
    {
        Promise<int>? child = null;

        PromiseLoop.Run(async () =>
        {
            using var source = new CancellationTokenSource();
            var never = Promise.WithResolvers<int>();
            await using (PromiseScope.Open(new() { CancellationToken = source.Token }))
            {
                child = Promise.Run(() => never.Promise);
                PromiseLoop.SetTimeout(source.Cancel, 0);
            }
        });

        Assert.IsAssignableFrom<OperationCanceledException>(child!.Reason);
    }

    [Fact]
    public void Options_TimeProvider_IsTheScopesClock()
    {
        var clock = new FakeTimeProvider();

        using PromiseScope scope = PromiseScope.Open(new() { Name = "scope", TimeProvider = clock });
        clock.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Equal("scope [pending 1.50s]\n", scope.Context.ToTreeString());
    }
}
