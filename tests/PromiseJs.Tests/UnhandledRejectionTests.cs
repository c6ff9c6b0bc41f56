using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>
/// <see cref="Promise.UnhandledRejection"/>, <see cref="Promise.RejectionHandled"/> and <see cref="Promise.SuppressUnhandledRejections"/>.
/// The events are global: this class runs alone (its collection disables parallelization) and every assertion filters on
/// reasons the test itself created.
/// </summary>
[Collection(UnhandledRejectionsGroup.Name)]
[ExpectsUnhandledRejections]
public sealed class UnhandledRejectionTests : IDisposable
{
    private readonly List<(string Kind, Promise Promise, Exception Reason)> _events = [];

    public UnhandledRejectionTests()
    {
        Promise.UnhandledRejection += OnUnhandledRejection;
        Promise.RejectionHandled += OnRejectionHandled;
    }

    public void Dispose()
    {
        Promise.UnhandledRejection -= OnUnhandledRejection;
        Promise.RejectionHandled -= OnRejectionHandled;
    }

    // ----- inside the loop -----

    [Fact]
    public void UnhandledRejection_InsideLoopNoHandler_IsRaisedForThatPromiseAfterTheMicrotaskCheckpoint()
    {
        var reason = new FormatException("unhandled in loop");
        Promise? rejected = null;
        var log = new List<string>();
        EventHandler<UnhandledRejectionEventArgs> logIt = (_, args) =>
        {
            if (args.Reason == reason)
            {
                log.Add("event");
            }
        };
        Promise.UnhandledRejection += logIt;
        try
        {
            PromiseLoop.Run(() =>
            {
                rejected = Promise.Reject(reason);
                PromiseLoop.QueueMicrotask(() => log.Add("microtask 1"));
                Promise.Resolve().Then(() => log.Add("then 1")).Then(() => log.Add("then 2"));
                return Promise.Resolve();
            });
        }
        finally
        {
            Promise.UnhandledRejection -= logIt;
        }

        var raised = Assert.Single(EventsFor(reason));
        Assert.Equal("unhandled", raised.Kind);
        Assert.Same(rejected, raised.Promise);
        Assert.Equal(["microtask 1", "then 1", "then 2", "event"], log);
    }

    [Fact]
    public void UnhandledRejection_InsideLoopHandlerAttachedInTheSameTick_IsNotRaised()
    {
        var reason = new FormatException("handled at once");

        PromiseLoop.Run(() =>
        {
            var rejected = Promise.Reject<int>(reason);
            rejected.Catch(_ => 0);
            return Promise.Resolve();
        });

        Assert.Empty(EventsFor(reason));
    }

    [Fact]
    public void UnhandledRejection_InsideLoopHandlerAttachedByALaterMicrotaskOfTheSameCheckpoint_IsNotRaised()
    {
        var reason = new FormatException("handled by a later microtask");

        PromiseLoop.Run(() =>
        {
            var rejected = Promise.Reject<int>(reason);
            PromiseLoop.QueueMicrotask(() =>
                Promise.Resolve().Then(() => PromiseLoop.QueueMicrotask(() => rejected.Catch(_ => 0))));
            return Promise.Resolve();
        });

        Assert.Empty(EventsFor(reason));
    }

    [Fact]
    public void UnhandledRejection_InsideLoopRejectedByAHandlerNobodyObserves_IsRaisedForTheDerivedPromise()
    {
        var reason = new FormatException("thrown by a handler");
        Promise? derived = null;

        PromiseLoop.Run(() =>
        {
            derived = Promise.Resolve().Then(() => throw reason);
            return Promise.Resolve();
        });

        var raised = Assert.Single(EventsFor(reason));
        Assert.Same(derived, raised.Promise);
    }

    [Fact]
    public void UnhandledRejection_InsideLoopAwaitedRejection_IsNotRaised()
    {
        var reason = new FormatException("awaited");

        PromiseLoop.Run(async () =>
        {
            var rejected = Promise.Reject<int>(reason);
            await Assert.ThrowsAsync<FormatException>(async () => await rejected);
        });

        Assert.Empty(EventsFor(reason));
    }

    [Fact]
    public void RejectionHandled_HandlerAttachedInALaterTimer_IsRaisedAfterTheUnhandledReport()
    {
        var reason = new FormatException("handled late");
        Promise<int>? rejected = null;

        PromiseLoop.Run(() =>
        {
            rejected = Promise.Reject<int>(reason);
            PromiseLoop.SetTimeout(() => rejected.Catch(_ => 0), 0);
            return Promise.Resolve();
        });

        var events = EventsFor(reason);
        Assert.Equal(["unhandled", "handled"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Same(rejected, e.Promise));
    }

    [Fact]
    public void SuppressUnhandledRejections_InsideScope_NothingIsReported()
    {
        var reason = new FormatException("suppressed");

        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(() =>
            {
                Promise.Reject(reason);
                var late = Promise.Reject<int>(reason);
                PromiseLoop.SetTimeout(() => late.Catch(_ => 0), 0);
                return Promise.Resolve();
            });
        }

        Assert.Empty(EventsFor(reason));
    }

    [Fact]
    public void SuppressUnhandledRejections_AfterTheScopeIsDisposed_ReportingResumes()
    {
        var reason = new FormatException("after the scope");

        Promise.SuppressUnhandledRejections().Dispose();
        PromiseLoop.Run(() =>
        {
            Promise.Reject(reason);
            return Promise.Resolve();
        });

        Assert.Single(EventsFor(reason));
    }

    [Fact]
    public void SuppressUnhandledRejections_NestedScopesAndDoubleDispose_StaySuppressedUntilTheOuterScopeEnds()
    {
        var inside = new FormatException("inside the outer scope");
        var after = new FormatException("after both scopes");

        using (Promise.SuppressUnhandledRejections())
        {
            var inner = Promise.SuppressUnhandledRejections();
            inner.Dispose();
            inner.Dispose();
            PromiseLoop.Run(() =>
            {
                Promise.Reject(inside);
                return Promise.Resolve();
            });
        }

        PromiseLoop.Run(() =>
        {
            Promise.Reject(after);
            return Promise.Resolve();
        });

        Assert.Empty(EventsFor(inside));
        Assert.Single(EventsFor(after));
    }

    // ----- outside a loop: reported when collected -----

    [Fact]
    public void UnhandledRejection_OutsideLoopUnobservedPromiseCollected_IsRaised()
    {
        var reason = new FormatException("collected unobserved");

        RejectAndForget(reason);
        CollectGarbage();

        var raised = Assert.Single(EventsFor(reason));
        Assert.Equal("unhandled", raised.Kind);
        Assert.Same(reason, raised.Promise.Reason);
    }

    [Fact]
    public void UnhandledRejection_OutsideLoopObservedPromiseCollected_IsNotRaised()
    {
        var reason = new FormatException("collected observed");

        RejectCatchAndForget(reason);
        CollectGarbage();

        Assert.Empty(EventsFor(reason));
    }

    [Fact]
    public void UnhandledRejection_OutsideLoopRejectedInsideSuppressionScope_IsNotRaisedWhenCollected()
    {
        var reason = new FormatException("collected suppressed");

        using (Promise.SuppressUnhandledRejections())
        {
            RejectAndForget(reason);
        }

        CollectGarbage();

        Assert.Empty(EventsFor(reason));
    }

    // ----- no tracking for promises that fulfill -----

    [Fact]
    public void RejectionTracking_FulfilledPromise_AllocatesNoTracker()
    {
        FieldInfo rejection = RejectionField();
        var resolvers = Promise.WithResolvers<int>();
        var derived = resolvers.Promise.Then(x => x + 1);

        resolvers.Resolve(1);
        derived.Wait(TestTimeouts.Generous);

        Assert.Null(rejection.GetValue(resolvers.Promise));
        Assert.Null(rejection.GetValue(derived));
        Assert.Null(rejection.GetValue(Promise.Resolve(1)));
    }

    [Fact]
    public void RejectionTracking_RejectedWithAHandlerAlreadyAttached_AllocatesNoTracker()
    {
        FieldInfo rejection = RejectionField();
        var resolvers = Promise.WithResolvers<int>();
        var handled = resolvers.Promise.Catch(_ => 0);

        resolvers.Reject(new FormatException("handled before rejection"));
        handled.Wait(TestTimeouts.Generous);

        Assert.IsType<ExceptionDispatchInfo>(rejection.GetValue(resolvers.Promise));
    }

    private void OnUnhandledRejection(object? sender, UnhandledRejectionEventArgs args) => Add("unhandled", args);

    private void OnRejectionHandled(object? sender, UnhandledRejectionEventArgs args) => Add("handled", args);

    private void Add(string kind, UnhandledRejectionEventArgs args)
    {
        lock (_events)
        {
            _events.Add((kind, args.Promise, args.Reason));
        }
    }

    private List<(string Kind, Promise Promise, Exception Reason)> EventsFor(Exception reason)
    {
        lock (_events)
        {
            return [.. _events.Where(e => e.Reason == reason)];
        }
    }

    private static FieldInfo RejectionField() =>
        typeof(Promise).GetField("_rejection", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Promise._rejection is gone; update this white-box test.");

    private static void CollectGarbage()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RejectAndForget(Exception reason) => _ = Promise.Reject<int>(reason);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RejectCatchAndForget(Exception reason) => Promise.Reject<int>(reason).Catch(_ => 0);
}
