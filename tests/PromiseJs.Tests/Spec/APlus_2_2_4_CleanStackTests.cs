using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>
/// 2.2.4: <c>onFulfilled</c> or <c>onRejected</c> must not be called until the execution context stack contains only
/// platform code (2.2.4.js).
/// </summary>
/// <remarks>
/// On the thread pool the scenario's main function runs as a job of the serial queue, so a handler it schedules cannot
/// start before it returns, and the synchronous checks below are free of races in both modes.
/// </remarks>
public sealed class APlus_2_2_4_CleanStackTests
{
    // "`then` returns before the promise becomes fulfilled or rejected" (fulfilled cases).
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilled_ThenReturnsBeforeHandlerRuns(Mode mode, Settling settling)
    {
        var seenByHandler = new List<bool>();

        Scenarios.Run(mode, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Dummy, promise =>
            {
                var thenHasReturned = false;
                promise.Then(_ =>
                {
                    seenByHandler.Add(thenHasReturned);
                    s.Done();
                });
                thenHasReturned = true;
            });
        });

        Assert.True(Assert.Single(seenByHandler));
    }

    // "`then` returns before the promise becomes fulfilled or rejected" (rejected cases).
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejected_ThenReturnsBeforeHandlerRuns(Mode mode, Settling settling)
    {
        var seenByHandler = new List<bool>();

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, ReasonException.Dummy(), promise =>
            {
                var thenHasReturned = false;
                promise.Then(_ => s.Fail("onFulfilled must not be called"), _ =>
                {
                    seenByHandler.Add(thenHasReturned);
                    s.Done();
                });
                thenHasReturned = true;
            });
        });

        Assert.True(Assert.Single(seenByHandler));
    }

    // Clean-stack execution ordering (fulfillment case):
    // "when `onFulfilled` is added immediately before the promise is fulfilled".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedImmediatelyBeforeFulfillment_NotCalledSynchronously(Mode mode)
    {
        AssertHandlerNotCalledSynchronously(mode, rejecting: false, attachFirst: true, Fulfill, OnFulfilled);
    }

    // "when `onFulfilled` is added immediately after the promise is fulfilled".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedImmediatelyAfterFulfillment_NotCalledSynchronously(Mode mode)
    {
        AssertHandlerNotCalledSynchronously(mode, rejecting: false, attachFirst: false, Fulfill, OnFulfilled);
    }

    // "when one `onFulfilled` is added inside another `onFulfilled`" (a promise of no value, as the suite's resolved()).
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedInsideOnFulfilled_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        AssertInnerHandlerRunsAfterTheOuterHandlerFinished(
            mode,
            rejecting: false,
            Adapter.Resolved,
            promise => promise,
            OnFulfilled,
            OnFulfilled);
    }

    // "when `onFulfilled` is added inside an `onRejected`".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedInsideOnRejected_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        AssertInnerHandlerRunsAfterTheOuterHandlerFinished(
            mode,
            rejecting: true,
            () => Adapter.Rejected(ReasonException.Dummy()),
            _ => Adapter.Resolved(),
            OnRejected,
            OnFulfilled);
    }

    // "when the promise is fulfilled asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_FulfilledAsynchronously_OnFulfilledRunsAfterTheTimerFinished(Mode mode)
    {
        AssertHandlerRunsAfterTheTimerFinished(mode, rejecting: false, Fulfill, OnFulfilled);
    }

    // Clean-stack execution ordering (rejection case):
    // "when `onRejected` is added immediately before the promise is rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedImmediatelyBeforeRejection_NotCalledSynchronously(Mode mode)
    {
        AssertHandlerNotCalledSynchronously(mode, rejecting: true, attachFirst: true, Reject, OnRejected);
    }

    // "when `onRejected` is added immediately after the promise is rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedImmediatelyAfterRejection_NotCalledSynchronously(Mode mode)
    {
        AssertHandlerNotCalledSynchronously(mode, rejecting: true, attachFirst: false, Reject, OnRejected);
    }

    // "when `onRejected` is added inside an `onFulfilled`".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedInsideOnFulfilled_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        AssertInnerHandlerRunsAfterTheOuterHandlerFinished(
            mode,
            rejecting: true,
            Adapter.Resolved,
            _ => Adapter.Rejected(ReasonException.Dummy()),
            OnFulfilled,
            OnRejected);
    }

    // "when one `onRejected` is added inside another `onRejected`".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedInsideOnRejected_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        AssertInnerHandlerRunsAfterTheOuterHandlerFinished(
            mode,
            rejecting: true,
            () => Adapter.Rejected(ReasonException.Dummy()),
            promise => promise,
            OnRejected,
            OnRejected);
    }

    // "when the promise is rejected asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_RejectedAsynchronously_OnRejectedRunsAfterTheTimerFinished(Mode mode)
    {
        AssertHandlerRunsAfterTheTimerFinished(mode, rejecting: true, Reject, OnRejected);
    }
    // Settles a fresh deferred and attaches a handler to its promise, in the order `attachFirst` says, then checks that
    // the handler did not run before the scenario's main function returned, but did run by the end.
    private static void AssertHandlerNotCalledSynchronously(
        Mode mode,
        bool rejecting,
        bool attachFirst,
        Action<PromiseWithResolvers<object?>> settle,
        Action<Scenario, Promise<object?>, Action> attach)
    {
        var calledSynchronously = true;
        var handlerCalled = false;

        Scenarios.Run(mode, rejecting, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            if (attachFirst)
            {
                attach(s, deferred.Promise, () => { handlerCalled = true; });
                settle(deferred);
            }
            else
            {
                settle(deferred);
                attach(s, deferred.Promise, () => { handlerCalled = true; });
            }

            calledSynchronously = handlerCalled;
            s.Done();
        });

        Assert.False(calledSynchronously);
        Assert.True(handlerCalled);
    }

    // Settles a deferred from a timer and checks that the handler attached to it runs only once that timer finished.
    private static void AssertHandlerRunsAfterTheTimerFinished(
        Mode mode,
        bool rejecting,
        Action<PromiseWithResolvers<object?>> settle,
        Action<Scenario, Promise<object?>, Action> attach)
    {
        var seenByHandler = new List<bool>();

        Scenarios.Run(mode, rejecting, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            var firstStackFinished = false;

            s.SetTimeout(
                () =>
                {
                    settle(deferred);
                    firstStackFinished = true;
                },
                Delays.Now);

            attach(s, deferred.Promise, () =>
            {
                seenByHandler.Add(firstStackFinished);
                s.Done();
            });
        });

        Assert.True(Assert.Single(seenByHandler));
    }

    // Attaches a handler to `outer` that attaches another to `inner` (made from `outer`: itself or a second promise),
    // and checks that the inner handler runs only once the outer one finished.
    private static void AssertInnerHandlerRunsAfterTheOuterHandlerFinished(
        Mode mode,
        bool rejecting,
        Func<Promise> outer,
        Func<Promise, Promise> inner,
        Action<Scenario, Promise, Action> attachOuter,
        Action<Scenario, Promise, Action> attachInner)
    {
        var seenByInner = new List<bool>();

        Scenarios.Run(mode, rejecting, s =>
        {
            var promise = outer();
            var promise2 = inner(promise);
            var firstHandlerFinished = false;

            attachOuter(s, promise, () =>
            {
                attachInner(s, promise2, () =>
                {
                    seenByInner.Add(firstHandlerFinished);
                    s.Done();
                });
                firstHandlerFinished = true;
            });
        });

        Assert.True(Assert.Single(seenByInner));
    }

    private static void Fulfill(PromiseWithResolvers<object?> deferred) => deferred.Resolve(Values.Dummy);

    private static void Reject(PromiseWithResolvers<object?> deferred) => deferred.Reject(ReasonException.Dummy());

    private static void OnFulfilled(Scenario s, Promise<object?> promise, Action handler) => promise.Then(_ => handler());

    private static void OnFulfilled(Scenario s, Promise promise, Action handler) => promise.Then(() => handler());

    private static void OnRejected(Scenario s, Promise<object?> promise, Action handler) =>
        promise.Then(_ => s.Fail("onFulfilled must not be called"), _ => handler());

    private static void OnRejected(Scenario s, Promise promise, Action handler) =>
        promise.Then(() => s.Fail("onFulfilled must not be called"), _ => handler());
}
