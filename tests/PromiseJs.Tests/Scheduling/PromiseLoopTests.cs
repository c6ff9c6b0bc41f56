using Microsoft.Extensions.Time.Testing;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Scheduling;

/// <summary><see cref="PromiseLoop"/>: what <c>Run</c> returns and throws, how long it runs, its queues and timers, and its reuse.</summary>
public sealed class PromiseLoopTests
{
    // ----- results -----

    [Fact]
    public void Run_PromiseOfTMain_ReturnsItsValue()
    {
        Assert.Equal("main", PromiseLoop.Run(() => Promise.Resolve(1).Then(x => "main")));
    }

    [Fact]
    public void Run_ValueLessMainRejects_ThrowsTheOriginalExceptionInstance()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Resolve().Then(() => throw reason)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Run_PromiseOfTMainRejects_ThrowsTheOriginalExceptionInstance()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() => Promise.Reject<int>(reason)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Run_AsyncMainReturnsValue_ReturnsIt()
    {
        int value = PromiseLoop.Run(async () =>
        {
            await Task.Yield();
            return 21 * 2;
        });

        Assert.Equal(42, value);
    }

    [Fact]
    public void Run_AsyncMainThrows_ThrowsTheOriginalExceptionNotAggregate()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            await Task.Yield();
            throw reason;
        }));
        var caughtOfT = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            await Promise.Resolve();
            return reason is null ? 0 : throw reason;
        }));

        Assert.Same(reason, caught);
        Assert.Same(reason, caughtOfT);
    }

    [Fact]
    public void Run_MainThrowsSynchronously_PropagatesThatException()
    {
        var reason = new FormatException();

        Assert.Same(reason, Assert.Throws<FormatException>(() => PromiseLoop.Run(new Func<Promise>(() => throw reason))));
        Assert.Same(reason, Assert.Throws<FormatException>(() => PromiseLoop.Run(new Func<Promise<int>>(() => throw reason))));
        Assert.False(PromiseLoop.IsRunning);
    }

    [Fact]
    public void Run_MainReturnsNull_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => (Promise)null!));
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => (Promise<int>)null!));
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => (Task)null!));
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() => (Task<int>)null!));
    }

    // ----- threads and awaits -----

    [Fact]
    public void Run_AwaitInsideMain_ResumesOnTheLoopThreadAfterTaskRunAndTaskDelay()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        var threads = new List<int>();

        PromiseLoop.Run(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Run(() => { });
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Delay(1);
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            threads.Add(Environment.CurrentManagedThreadId);
            await Promise.Delay(1);
            threads.Add(Environment.CurrentManagedThreadId);
        });

        Assert.Equal(5, threads.Count);
        Assert.All(threads, thread => Assert.Equal(loopThread, thread));
    }

    [Fact]
    public void Run_Inside_InstallsItsOwnSynchronizationContextAndRestoresThePreviousOne()
    {
        var outer = new QueueingSynchronizationContext();
        SynchronizationContext? inside = null;

        using (SynchronizationContextScope.Install(outer))
        {
            PromiseLoop.Run(() =>
            {
                inside = SynchronizationContext.Current;
                return Promise.Resolve();
            });

            Assert.Same(outer, SynchronizationContext.Current);
        }

        Assert.NotNull(inside);
        Assert.NotSame(outer, inside);
    }

    [Fact]
    public void Run_MainSettledButAdoptedTaskStillRunningOnThreadPool_WaitsForItAndRunsItsHandlerOnTheLoop()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        int handlerThread = 0;
        int value = 0;

        PromiseLoop.Run(() =>
        {
            Promise.Resolve()
                .Then(() => Task.Run(async () =>
                {
                    await Task.Delay(20).ConfigureAwait(false);
                    return 5;
                }))
                .Then(x =>
                {
                    value = x;
                    handlerThread = Environment.CurrentManagedThreadId;
                });
            return Promise.Resolve();
        });

        Assert.Equal(5, value);
        Assert.Equal(loopThread, handlerThread);
    }

    [Fact]
    public void Run_MainPendingUntilAnotherThreadResolvesIt_WaitsAndReturnsTheValue()
    {
        int value = PromiseLoop.Run(() =>
        {
            var resolvers = Promise.WithResolvers<int>();
            ThreadPool.UnsafeQueueUserWorkItem(_ => resolvers.Resolve(99), null);
            return resolvers.Promise;
        });

        Assert.Equal(99, value);
    }

    [Fact]
    public void Run_Nested_ThrowsInvalidOperationExceptionAndTheOuterLoopCarriesOn()
    {
        Exception? nested = null;

        int value = PromiseLoop.Run(() =>
        {
            nested = Record.Exception(() => PromiseLoop.Run(() => Promise.Resolve()));
            return Promise.Resolve(1).Then(x => x + 1);
        });

        Assert.IsType<InvalidOperationException>(nested);
        Assert.Equal(2, value);
    }

    [Fact]
    public void Run_NestedFromAHandler_ThrowsInvalidOperationException()
    {
        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Resolve().Then(() => PromiseLoop.Run(() => Promise.Resolve(0)))));

        Assert.Contains("nest", caught.Message, StringComparison.OrdinalIgnoreCase);
    }

    // ----- outside a loop -----

    [Fact]
    public void LoopFunctions_OutsideALoop_ThrowInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.QueueMicrotask(() => { }));
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.SetTimeout(() => { }, 0));
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.SetTimeout(() => { }, TimeSpan.Zero, new FakeTimeProvider()));
        Assert.Throws<InvalidOperationException>(() => PromiseLoop.SetImmediate(() => { }));
    }

    [Fact]
    public void IsRunning_InsideAndOutside_TellsWhetherThisThreadRunsALoop()
    {
        bool inside = false;
        bool onPool = true;

        Assert.False(PromiseLoop.IsRunning);
        PromiseLoop.Run(async () =>
        {
            inside = PromiseLoop.IsRunning;
            onPool = await Task.Run(() => PromiseLoop.IsRunning);
        });

        Assert.True(inside);
        Assert.False(onPool);
        Assert.False(PromiseLoop.IsRunning);
    }

    // ----- queues and timers -----

    [Fact]
    public void QueueMicrotask_RunsAfterTheCurrentJobBeforeAnyTimerOrImmediate()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => log.Add("timeout"), 0);
            PromiseLoop.SetImmediate(() => log.Add("immediate"));
            PromiseLoop.QueueMicrotask(() => log.Add("microtask"));
            Promise.Resolve().Then(() => log.Add("then"));
            log.Add("sync");
            return Promise.Resolve();
        });

        // As in node, a zero timeout and an immediate queued from the main script may run in either order.
        Assert.Equal(["sync", "microtask", "then"], log.Take(3));
        Assert.Equal(["immediate", "timeout"], log.Skip(3).Order());
    }

    [Fact]
    public void SetTimeout_EqualDelays_FireInCreationOrder()
    {
        var order = new List<int>();

        PromiseLoop.Run(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                int index = i;
                PromiseLoop.SetTimeout(() => order.Add(index), 5);
            }

            return Promise.Resolve();
        });

        Assert.Equal(Enumerable.Range(0, 20), order);
    }

    [Fact]
    public void SetTimeout_DifferentDelays_FireInDueOrderNotCreationOrder()
    {
        var clock = new FakeTimeProvider();
        var order = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => order.Add("30s"), TimeSpan.FromSeconds(30), clock);
            PromiseLoop.SetTimeout(() => order.Add("10s"), TimeSpan.FromSeconds(10), clock);
            PromiseLoop.SetTimeout(() => order.Add("20s"), TimeSpan.FromSeconds(20), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromMinutes(1)));
            return Promise.Resolve();
        });

        Assert.Equal(["10s", "20s", "30s"], order);
    }

    [Fact]
    public void SetTimeout_ShorterDelayCreatedLaterInTheSameTurn_FiresFirstAsInNode()
    {
        // node measures every timer of one turn from the loop's cached "now": time spent between the two calls does not count.
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => log.Add("10 ms"), TimeSpan.FromMilliseconds(10), clock);
            clock.Advance(TimeSpan.FromMilliseconds(6));
            PromiseLoop.SetTimeout(() => log.Add("5 ms"), TimeSpan.FromMilliseconds(5), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromMilliseconds(20)));
            return Promise.Resolve();
        });

        Assert.Equal(["5 ms", "10 ms"], log);
    }

    [Fact]
    public void SetTimeout_CreatedInAMicrotaskOfTheSameTurn_IsMeasuredFromTheSameNow()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => log.Add("10 ms"), TimeSpan.FromMilliseconds(10), clock);
            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromMilliseconds(20)));
            return Promise.Resolve().Then(() =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(6));
                PromiseLoop.SetTimeout(() => log.Add("5 ms"), TimeSpan.FromMilliseconds(5), clock);
            });
        });

        Assert.Equal(["5 ms", "10 ms"], log);
    }

    [Fact]
    public void SetTimeout_CreatedInALaterTurn_IsMeasuredFromThatTurnsNow()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => log.Add("10 ms"), TimeSpan.FromMilliseconds(10), clock);
            PromiseLoop.SetImmediate(() =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(6));
                PromiseLoop.SetTimeout(() => log.Add("5 ms, 6 ms later"), TimeSpan.FromMilliseconds(5), clock);
                PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromMilliseconds(20)));
            });
            return Promise.Resolve();
        });

        Assert.Equal(["10 ms", "5 ms, 6 ms later"], log);
    }

    [Fact]
    public void SetTimeout_ZeroAndOneMillisecond_FireInCreationOrderLikeNode()
    {
        var order = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => order.Add("1ms"), 1);
            PromiseLoop.SetTimeout(() => order.Add("0ms"), 0);
            return Promise.Resolve();
        });

        Assert.Equal(["1ms", "0ms"], order);
    }

    [Fact]
    public void SetTimeout_FakeClockEqualDelaysArrivingInReverse_FireInCreationOrder()
    {
        var clock = new CountingFakeTimeProvider(reverseTies: true);
        var order = new List<int>();

        PromiseLoop.Run(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                int index = i;
                PromiseLoop.SetTimeout(() => order.Add(index), TimeSpan.FromMinutes(1), clock);
            }

            PromiseLoop.SetImmediate(() => clock.Advance(TimeSpan.FromMinutes(1)));
            return Promise.Resolve();
        });

        Assert.Equal(Enumerable.Range(0, 10), order);
    }

    [Fact]
    public void SetTimeout_FakeClock_FiresOnlyWhenAdvancedFarEnough()
    {
        var clock = new FakeTimeProvider();
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => log.Add("short"), TimeSpan.FromSeconds(1), clock);
            PromiseLoop.SetTimeout(() => log.Add("long"), TimeSpan.FromSeconds(3), clock);
            PromiseLoop.SetImmediate(() =>
            {
                log.Add("advance 2s");
                clock.Advance(TimeSpan.FromSeconds(2));
                PromiseLoop.SetImmediate(() =>
                {
                    log.Add("advance 1s");
                    clock.Advance(TimeSpan.FromSeconds(1));
                });
            });
            return Promise.Resolve();
        });

        Assert.Equal(["advance 2s", "short", "advance 1s", "long"], log);
    }

    [Fact]
    public void SetTimeout_MicrotasksQueuedByATimer_DrainCompletelyBeforeTheNextTimer()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() =>
            {
                log.Add("timer 1");
                PromiseLoop.QueueMicrotask(() =>
                {
                    log.Add("microtask 1");
                    PromiseLoop.QueueMicrotask(() => log.Add("microtask 2"));
                });
                Promise.Resolve().Then(() => log.Add("then 1")).Then(() => log.Add("then 2"));
            }, 0);
            PromiseLoop.SetTimeout(() => log.Add("timer 2"), 0);
            return Promise.Resolve();
        });

        Assert.Equal(["timer 1", "microtask 1", "then 1", "microtask 2", "then 2", "timer 2"], log);
    }

    [Fact]
    public void SetImmediate_RunsAfterTheMicrotaskQueueIsDrained()
    {
        var log = new List<string>();

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetImmediate(() => log.Add("immediate"));
            Promise.Resolve().Then(() => log.Add("then 1")).Then(() => log.Add("then 2")).Then(() => log.Add("then 3"));
            return Promise.Resolve();
        });

        Assert.Equal(["then 1", "then 2", "then 3", "immediate"], log);
    }

    [Fact]
    public void Run_MainSettledWithPendingTimer_ReturnsOnlyAfterTheTimerFired()
    {
        bool fired = false;

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => fired = true, 10);
            return Promise.Resolve();
        });

        Assert.True(fired);
    }

    [Fact]
    public void SetTimeout_NegativeDelay_ThrowsArgumentOutOfRangeException()
    {
        Exception? fromInt = null;
        Exception? fromTimeSpan = null;

        PromiseLoop.Run(() =>
        {
            fromInt = Record.Exception(() => PromiseLoop.SetTimeout(() => { }, -1));
            fromTimeSpan = Record.Exception(() => PromiseLoop.SetTimeout(() => { }, TimeSpan.FromTicks(-1), TimeProvider.System));
            return Promise.Resolve();
        });

        Assert.IsType<ArgumentOutOfRangeException>(fromInt);
        Assert.IsType<ArgumentOutOfRangeException>(fromTimeSpan);
    }

    // ----- reuse -----

    [Fact]
    public void Run_ManyTimesOnOneThread_WorksEveryTime()
    {
        for (int i = 0; i < 200; i++)
        {
            int round = i;
            Assert.Equal(round + 1, PromiseLoop.Run(() => Promise.Resolve(round).Then(x => x + 1)));
        }
    }

    [Fact]
    public void Run_AfterARunThatThrew_WorksAndStartsWithEmptyQueues()
    {
        bool leftoverRan = false;

        Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => leftoverRan = true, 60_000);
            throw new FormatException();
#pragma warning disable CS0162 // Unreachable: gives the lambda its Func<Promise> shape.
            return Promise.Resolve();
#pragma warning restore CS0162
        }));

        Assert.Equal(3, PromiseLoop.Run(() => Promise.Resolve(3)));
        Assert.False(leftoverRan);
    }

    [Fact]
    public void Run_AfterMainThrewWhileATaskWasAdopted_NextRunOnTheSameThreadStillEnds()
    {
        // On a thread of its own, so that a loop that never ends fails this test instead of hanging the run.
        Exception? failure = null;
        int value = 0;
        var thread = new Thread(() =>
        {
            try
            {
                var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                Promise<int>? adopted = null;
                Assert.Throws<FormatException>(() => PromiseLoop.Run(new Func<Promise>(() =>
                {
                    adopted = Promise.Try(() => gate.Task);
                    throw new FormatException();
                })));

                // The task adopted by the first run completes during the second one.
                value = PromiseLoop.Run(() =>
                {
                    PromiseLoop.SetImmediate(() => gate.SetResult(1));
                    return adopted!.Then(x => x + 1);
                });
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        { IsBackground = true };

        thread.Start();

        Assert.True(thread.Join(TestTimeouts.Generous), "The second PromiseLoop.Run never returned.");
        Assert.Null(failure);
        Assert.Equal(2, value);
    }

    [Fact]
    public async Task Run_OnSeveralThreadsAtOnce_EachLoopRunsItsOwnWorkOnItsOwnThread()
    {
        Task<bool>[] runs = [.. Enumerable.Range(0, 4).Select(worker => Task.Factory.StartNew(() =>
        {
            int thread = Environment.CurrentManagedThreadId;
            bool allOnOwnThread = true;
            for (int i = 0; i < 50; i++)
            {
                int round = i;
                int value = PromiseLoop.Run(async () =>
                {
                    await Promise.Delay(0);
                    allOnOwnThread &= Environment.CurrentManagedThreadId == thread;
                    return await Promise.Resolve(round).Then(x =>
                    {
                        allOnOwnThread &= Environment.CurrentManagedThreadId == thread;
                        return x * worker;
                    });
                });
                allOnOwnThread &= value == round * worker;
            }

            return allOnOwnThread;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];

        bool[] results = await Task.WhenAll(runs).WaitAsync(TestTimeouts.Generous);

        Assert.All(results, Assert.True);
    }
}
