using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Diagnostics;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// Faults are contained: a throwing handler rejects its own promise only; a throwing subscriber of
/// <see cref="Promise.UnhandledRejection"/> or <see cref="Promise.RejectionHandled"/> stops neither the other subscribers nor
/// the loop nor the code that attached a handler; a <see cref="SynchronizationContext"/> or <see cref="Scheduling.PromiseScheduler"/>
/// whose <c>Post</c> throws loses no callback (the reaction it refused rejects with the <c>Post</c> exception, an await
/// resumes on the thread pool, every other reaction runs); a timer that fires twice acts once; a foreign thenable that calls
/// back from another thread, or from several at once, settles the adopting promise once.
/// </summary>
public sealed class FaultTests
{
    // ----- a throwing handler -----

    [Fact]
    public void ThrowingHandler_OnTheLoop_RejectsItsOwnPromiseAndTheSiblingsRun()
    {
        var boom = new InvalidOperationException("handler");
        var ran = new List<string>();

        (Exception? reason, int sibling) = PromiseLoop.Run(async () =>
        {
            Promise<int> source = Promise.Resolve(1);
            Promise<int> before = source.Then(x => { ran.Add("before"); return x; });
            Promise<int> throwing = source.Then<int>(_ => throw boom);
            Promise<int> after = source.Then(x => { ran.Add("after"); return x + 1; });
            Exception? caught = null;
            try
            {
                await throwing;
            }
            catch (InvalidOperationException ex)
            {
                caught = ex;
            }

            return (caught, await before + await after);
        });

        Assert.Same(boom, reason);
        Assert.Equal(3, sibling);
        Assert.Equal(["before", "after"], ran);
    }

    [Fact]
    public void ThrowingHandler_OnThePool_RejectsItsOwnPromiseAndTheSiblingsRun()
    {
        using var noContext = SynchronizationContextScope.None();
        var boom = new InvalidOperationException("handler");
        var source = Promise.WithResolvers<int>();
        Promise<int> before = source.Promise.Then(x => x);
        Promise<int> throwing = source.Promise.Then<int>(_ => throw boom);
        Promise<int> after = source.Promise.Then(x => x + 1);

        source.Resolve(1);

        Assert.Equal(1, Watchdog.Wait(before, "the handler before"));
        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(throwing, "the throwing handler")));
        Assert.Equal(2, Watchdog.Wait(after, "the handler after"));
    }

    // ----- a throwing subscriber of UnhandledRejection / RejectionHandled -----

    [Fact]
    [ExpectsUnhandledRejections]
    public void UnhandledRejectionSubscriber_Throws_OnTheLoop_OtherSubscribersRunAndTheLoopGoesOn()
    {
        var first = new InvalidOperationException("first unhandled");
        var second = new InvalidOperationException("second unhandled");
        var seen = new ConcurrentQueue<Exception>();
        (EventHandler<UnhandledRejectionEventArgs> throwing, EventHandler<UnhandledRejectionEventArgs> recording) =
            Subscribers(r => r == first || r == second, seen, "the loop subscriber failed");

        using var listener = new RecordingEventListener(EventLevel.Error, PromiseDiagnostics.RejectionsKeyword);
        Promise.UnhandledRejection += throwing;
        Promise.UnhandledRejection += recording;
        try
        {
            int result = PromiseLoop.Run(async () =>
            {
                _ = Promise.Reject<int>(first);
                await NextTask();
                _ = Promise.Reject<int>(second);
                await NextTask();
                return 7;
            });

            Assert.Equal(7, result);
            Assert.Equal([first, second], seen);
            Assert.Equal(2, listener.Events.Count(e =>
                e.EventName == "SubscriberFailed" && e.Payload is [_, _, string message] && message == "the loop subscriber failed"));
        }
        finally
        {
            Promise.UnhandledRejection -= recording;
            Promise.UnhandledRejection -= throwing;
        }
    }

    [Fact]
    [ExpectsUnhandledRejections]
    public void UnhandledRejectionSubscriber_Throws_OnTheFinalizerThread_OtherSubscribersRun()
    {
        var reason = new InvalidOperationException("collected unhandled");
        var seen = new ConcurrentQueue<Exception>();
        (EventHandler<UnhandledRejectionEventArgs> throwing, EventHandler<UnhandledRejectionEventArgs> recording) =
            Subscribers(r => r == reason, seen, "the subscriber failed");

        Promise.UnhandledRejection += throwing;
        Promise.UnhandledRejection += recording;
        try
        {
            RejectAndDrop(reason);
            for (int i = 0; i < 10 && seen.IsEmpty; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.Equal([reason], seen);
        }
        finally
        {
            Promise.UnhandledRejection -= recording;
            Promise.UnhandledRejection -= throwing;
        }
    }

    [Fact]
    [ExpectsUnhandledRejections]
    public void RejectionHandledSubscriber_Throws_TheLateHandlerIsAttachedAndRuns()
    {
        var reason = new InvalidOperationException("handled late");
        var seen = new ConcurrentQueue<Exception>();
        (EventHandler<UnhandledRejectionEventArgs> throwing, EventHandler<UnhandledRejectionEventArgs> recording) =
            Subscribers(r => r == reason, seen, "the subscriber failed");

        Promise.RejectionHandled += throwing;
        Promise.RejectionHandled += recording;
        try
        {
            Exception? handled = PromiseLoop.Run(async () =>
            {
                Promise<int> rejected = Promise.Reject<int>(reason);
                await NextTask();

                // Reported as unhandled by now; attaching a handler raises RejectionHandled inside this call.
                Exception? caught = null;
                await rejected.Catch(ex => { caught = ex; });
                return caught;
            });

            Assert.Same(reason, handled);
            Assert.Equal([reason], seen);
        }
        finally
        {
            Promise.RejectionHandled -= recording;
            Promise.RejectionHandled -= throwing;
        }
    }

    // ----- a SynchronizationContext or PromiseScheduler whose Post throws -----

    [Fact]
    public void SynchronizationContextPostThrows_TheRefusedReactionRejectsWithThePostErrorAndTheOthersRun()
    {
        var refusing = new ThrowingSynchronizationContext();
        var source = Promise.WithResolvers<int>();
        Promise<int> before;
        Promise<int> refused;
        Promise<int> after;
        using (SynchronizationContextScope.None())
        {
            before = source.Promise.Then(x => x + 1);
        }

        using (SynchronizationContextScope.Install(refusing))
        {
            refused = source.Promise.Then(x => x + 2);
        }

        using (SynchronizationContextScope.None())
        {
            after = source.Promise.Then(x => x + 3);
            source.Resolve(10);

            Assert.Equal(11, Watchdog.Wait(before, "the reaction before the refused one"));
            Assert.Equal(13, Watchdog.Wait(after, "the reaction after the refused one"));
            Assert.Same(refusing.Posts.Error, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(refused, "the refused reaction")));
            Assert.Equal(14, Watchdog.Wait(source.Promise.Then(x => x + 4), "a reaction attached after the refusal"));
        }
    }

    [Fact]
    public void SynchronizationContextPostThrowsOnce_LaterReactionsOnThatContextRun()
    {
        var refusingOnce = new ThrowingSynchronizationContext(failures: 1);
        var source = Promise.WithResolvers<int>();
        Promise<int> refused;
        Promise<int> accepted;
        using (SynchronizationContextScope.Install(refusingOnce))
        {
            refused = source.Promise.Then(x => x + 1);
            accepted = source.Promise.Then(x => x + 2);
        }

        using var noContext = SynchronizationContextScope.None();
        source.Resolve(1);

        Assert.Same(refusingOnce.Posts.Error, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(refused, "the refused reaction")));
        Assert.Equal(3, Watchdog.Wait(accepted, "the accepted reaction"));
    }

    [Fact]
    public void SynchronizationContextPostThrows_AnAwaitResumesOnThePoolInstead()
    {
        var refusing = new ThrowingSynchronizationContext();
        var source = Promise.WithResolvers<int>();
        Promise<int> method;
        using (SynchronizationContextScope.Install(refusing))
        {
            method = Twice(source.Promise);
        }

        using var noContext = SynchronizationContextScope.None();
        source.Resolve(21);

        Assert.Equal(42, Watchdog.Wait(method, "an async method whose continuation was refused"));
        Assert.True(refusing.Posts.Failed > 0);
    }

    [Fact]
    public void SynchronizationContextPostThrows_AThenableAdoptedThere_RejectsWithThePostErrorWithoutCallingIt()
    {
        var refusing = new ThrowingSynchronizationContext();
        var thenable = new ScriptedThenable<int>((resolve, _) => resolve(1));
        Promise<int> adopted;
        using (SynchronizationContextScope.Install(refusing))
        {
            adopted = Promise.Resolve<int>(thenable);
        }

        using var noContext = SynchronizationContextScope.None();
        Assert.Same(refusing.Posts.Error, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(adopted, "a refused thenable adoption")));
        Assert.Equal(0, thenable.ThenCalls);
    }

    [Fact]
    public void PromiseSchedulerPostThrows_TheRefusedReactionRejectsWithThePostErrorAndTheOthersRun()
    {
        var refusingOnce = new ThrowingPromiseScheduler(failures: 1);
        var node = new PromiseContext(new() { Scheduler = refusingOnce });
        using var noContext = SynchronizationContextScope.None();
        var source = Promise.WithResolvers<int>();
        Promise<int> before = source.Promise.Then(x => x + 1);
        Promise<int> refused;
        Promise<int> accepted;
        using (node.Enter())
        {
            refused = source.Promise.Then(x => x + 2);
            accepted = source.Promise.Then(x => x + 3);
        }

        Promise<int> after = source.Promise.Then(x => x + 4);

        source.Resolve(10);

        Assert.Equal(11, Watchdog.Wait(before, "the reaction before the refused one"));
        Assert.Same(refusingOnce.Posts.Error, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(refused, "the refused reaction")));
        Assert.Equal(13, Watchdog.Wait(accepted, "the next reaction on the same scheduler"));
        Assert.Equal(14, Watchdog.Wait(after, "the reaction after the refused one"));
        using (node.Enter())
        {
            Assert.Equal(10, Watchdog.Wait(Promise.Resolve(5).Then(x => x * 2), "later work on the same scheduler"));
        }
    }

    [Fact]
    public void PromiseSchedulerPostAlwaysThrows_AChainOnItRejectsToTheEnd()
    {
        var refusing = new ThrowingPromiseScheduler();
        var node = new PromiseContext(new() { Scheduler = refusing });
        var source = Promise.WithResolvers<int>();
        Promise<int> chain = source.Promise;
        using (node.Enter())
        {
            for (int i = 0; i < 100_000; i++)
            {
                chain = chain.Then(x => x + 1);
            }
        }

        source.Resolve(0);

        using var noContext = SynchronizationContextScope.None();
        Assert.Same(refusing.Posts.Error, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(chain, "a chain on a refusing scheduler")));
    }

    [Fact]
    public void PromiseSchedulerPostThrows_PromiseRun_RejectsWithThePostErrorAndLeavesTheTree()
    {
        using var noContext = SynchronizationContextScope.None();
        var refusing = new ThrowingPromiseScheduler();
        var parent = new PromiseContext(new() { Scheduler = refusing });
        int ran = 0;

        Promise<int> run = Promise.Run(() => ++ran, new() { Parent = parent });

        Assert.Same(refusing.Posts.Error, Assert.Throws<InvalidOperationException>(() => Watchdog.Wait(run, "work its scheduler refused")));
        Watchdog.Wait(parent.WhenChildren(), "the refused work leaving the tree");
        Assert.Empty(parent.Children);
        Assert.Equal(0, ran);
    }

    // ----- a timer that fires twice -----

    [Fact]
    public void TimerFiresTwice_Delay_FulfillsOnceAndItsHandlerRunsOnce()
    {
        using var noContext = SynchronizationContextScope.None();
        var clock = new DoubleFiringTimeProvider();
        int runs = 0;
        Promise handled = Promise.Delay(TimeSpan.FromSeconds(1), clock).Then(() => { Interlocked.Increment(ref runs); });

        clock.Advance(TimeSpan.FromSeconds(1));

        Watchdog.Wait(handled, "the handler of a delay");
        Assert.Equal(2, clock.Firings);
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public void TimerFiresTwice_DelayAndSetTimeout_OnTheLoop_EachActsOnce()
    {
        var clock = new DoubleFiringTimeProvider();
        int timeouts = 0;
        int delays = 0;

        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(() => timeouts++, TimeSpan.FromSeconds(1), clock);
            Promise delay = Promise.Delay(TimeSpan.FromSeconds(1), clock).Then(() => { delays++; });
            clock.Advance(TimeSpan.FromSeconds(1));
            return delay;
        });

        Assert.Equal(4, clock.Firings);
        Assert.Equal(1, timeouts);
        Assert.Equal(1, delays);
    }

    [Fact]
    public void TimerFiresTwice_TimeoutAndWaitAsync_RejectOnceWithTimeoutException()
    {
        using var noContext = SynchronizationContextScope.None();
        var clock = new DoubleFiringTimeProvider();
        Promise<int> never = Promise.WithResolvers<int>().Promise;
        int caught = 0;
        Promise timedOut = never.Timeout(TimeSpan.FromSeconds(1), clock).Catch<TimeoutException>(_ => { Interlocked.Increment(ref caught); });
        Promise waited = never.WaitAsync(TimeSpan.FromSeconds(1), clock).Catch<TimeoutException>(_ => { Interlocked.Increment(ref caught); });

        clock.Advance(TimeSpan.FromSeconds(1));

        Watchdog.Wait(timedOut, "Timeout's rejection");
        Watchdog.Wait(waited, "WaitAsync's rejection");
        Assert.Equal(4, clock.Firings);
        Assert.Equal(2, Volatile.Read(ref caught));
    }

    // ----- misbehaving thenables (the A+ port covers the single-threaded ones) -----

    [Fact]
    public void Thenable_CallsBackFromAnotherThreadLater_OnTheLoop_TheAdoptingPromiseFulfillsAndHandlersRunOnTheLoop()
    {
        int loopThread = 0;
        int handlerThread = 0;
        var thenable = new ScriptedThenable<int>((resolve, _) => Task.Run(() => resolve(5)));

        int value = Watchdog.RunLoop(
            () =>
            {
                loopThread = Environment.CurrentManagedThreadId;
                return Promise.Resolve<int>(thenable).Then(x =>
                {
                    handlerThread = Environment.CurrentManagedThreadId;
                    return x;
                });
            },
            "a thenable resolved from another thread");

        Assert.Equal(5, value);
        Assert.Equal(loopThread, handlerThread);
        Assert.Equal(1, thenable.ThenCalls);
    }

    [Fact]
    public void Thenable_CallsBackFromAnotherThreadLaterThenThrows_OnThePool_TheAdoptingPromiseFulfillsOnce()
    {
        using var noContext = SynchronizationContextScope.None();
        int runs = 0;
        var thenable = new ScriptedThenable<int>((resolve, reject) =>
        {
            Task.Run(() =>
            {
                resolve(5);
                reject(new InvalidOperationException("ignored: the first call won"));
                resolve(6);
            });
            throw new InvalidOperationException("ignored only if a resolving function was called first");
        });

        Promise<int> adopted = Promise.Resolve<int>(thenable).Then(x => { Interlocked.Increment(ref runs); return x; });

        // The throw may come before or after the other thread's call: whichever comes first decides, once.
        Promise<int> outcome = adopted.Catch(_ => -1);
        int value = Watchdog.Wait(outcome, "a thenable resolved from another thread");
        Assert.True(value is 5 or -1, $"outcome {value}");
        Assert.Equal(value == 5 ? 1 : 0, Volatile.Read(ref runs));
        Assert.Equal(1, thenable.ThenCalls);
    }

    [Fact]
    public void Thenable_CallsBothFunctionsFromRacingThreads_SettlesOnceAndEveryHandlerRunsOnce()
    {
        using var noContext = SynchronizationContextScope.None();
        const int Thenables = 2_000;
        var reason = new InvalidOperationException("racing reject");
        int handlerRuns = 0;
        var adopted = new Promise<int>[Thenables];
        for (int i = 0; i < Thenables; i++)
        {
            var thenable = new ScriptedThenable<int>((resolve, reject) =>
            {
                // Threads of their own, not pool threads: thenable calls run in parallel on the pool (one per promise), and
                // each blocking on two more pool work items would starve it.
                using var start = new Barrier(3);
                var a = new Thread(() => { start.SignalAndWait(); resolve(1); resolve(2); });
                var b = new Thread(() => { start.SignalAndWait(); reject(reason); resolve(3); });
                a.Start();
                b.Start();
                start.SignalAndWait();
                a.Join();
                b.Join();
            });
            adopted[i] = Promise.Resolve<int>(thenable).Then(
                x => { Interlocked.Increment(ref handlerRuns); return x; },
                ex => { Interlocked.Increment(ref handlerRuns); return ex == reason ? -1 : -2; });
        }

        int[] outcomes = Watchdog.Wait(Promise.All(adopted), "the adopting promises");

        Assert.All(outcomes, o => Assert.True(o is 1 or -1, $"outcome {o}: only the first call of either function may count"));
        Assert.Equal(Thenables, Volatile.Read(ref handlerRuns));
    }

    private static Promise NextTask() => new((resolve, _) => PromiseLoop.SetImmediate(resolve));

    private static async Promise<int> Twice(Promise<int> value) => await value * 2;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RejectAndDrop(Exception reason)
    {
        using var noContext = SynchronizationContextScope.None();
        _ = Promise.Reject<int>(reason);
    }

    // A subscriber that throws for the test's own reasons, and one that records them (other tests' rejections pass by).
    private static (EventHandler<UnhandledRejectionEventArgs> Throwing, EventHandler<UnhandledRejectionEventArgs> Recording) Subscribers(
        Func<Exception, bool> isOurs, ConcurrentQueue<Exception> seen, string failure) =>
        ((_, e) =>
        {
            if (isOurs(e.Reason))
            {
                throw new InvalidOperationException(failure);
            }
        },
        (_, e) =>
        {
            if (isOurs(e.Reason))
            {
                seen.Enqueue(e.Reason);
            }
        });
}
