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
        var calledDuringResolve = true;
        var onFulfilledCalled = false;

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(_ => { onFulfilledCalled = true; });

            deferred.Resolve(Values.Dummy);

            calledDuringResolve = onFulfilledCalled;
            s.Done();
        });

        Assert.False(calledDuringResolve);
        Assert.True(onFulfilledCalled);
    }

    // "when `onFulfilled` is added immediately after the promise is fulfilled".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedImmediatelyAfterFulfillment_NotCalledSynchronously(Mode mode)
    {
        var calledDuringThen = true;
        var onFulfilledCalled = false;

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Resolve(Values.Dummy);

            deferred.Promise.Then(_ => { onFulfilledCalled = true; });

            calledDuringThen = onFulfilledCalled;
            s.Done();
        });

        Assert.False(calledDuringThen);
        Assert.True(onFulfilledCalled);
    }

    // "when one `onFulfilled` is added inside another `onFulfilled`" (a promise of no value, as the suite's resolved()).
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedInsideOnFulfilled_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        var seenByInner = new List<bool>();

        Scenarios.Run(mode, s =>
        {
            var promise = Adapter.Resolved();
            var firstOnFulfilledFinished = false;

            promise.Then(() =>
            {
                promise.Then(() =>
                {
                    seenByInner.Add(firstOnFulfilledFinished);
                    s.Done();
                });
                firstOnFulfilledFinished = true;
            });
        });

        Assert.True(Assert.Single(seenByInner));
    }

    // "when `onFulfilled` is added inside an `onRejected`".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnFulfilledAddedInsideOnRejected_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        var seenByInner = new List<bool>();

        Scenarios.RunRejecting(mode, s =>
        {
            var promise = Adapter.Rejected(ReasonException.Dummy());
            var promise2 = Adapter.Resolved();
            var firstOnRejectedFinished = false;

            promise.Then(() => s.Fail("onFulfilled must not be called"), _ =>
            {
                promise2.Then(() =>
                {
                    seenByInner.Add(firstOnRejectedFinished);
                    s.Done();
                });
                firstOnRejectedFinished = true;
            });
        });

        Assert.True(Assert.Single(seenByInner));
    }

    // "when the promise is fulfilled asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_FulfilledAsynchronously_OnFulfilledRunsAfterTheTimerFinished(Mode mode)
    {
        var seenByHandler = new List<bool>();

        Scenarios.Run(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            var firstStackFinished = false;

            s.SetTimeout(
                () =>
                {
                    deferred.Resolve(Values.Dummy);
                    firstStackFinished = true;
                },
                Delays.Now);

            deferred.Promise.Then(_ =>
            {
                seenByHandler.Add(firstStackFinished);
                s.Done();
            });
        });

        Assert.True(Assert.Single(seenByHandler));
    }

    // Clean-stack execution ordering (rejection case):
    // "when `onRejected` is added immediately before the promise is rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedImmediatelyBeforeRejection_NotCalledSynchronously(Mode mode)
    {
        var calledDuringReject = true;
        var onRejectedCalled = false;

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Promise.Then(_ => s.Fail("onFulfilled must not be called"), _ => { onRejectedCalled = true; });

            deferred.Reject(ReasonException.Dummy());

            calledDuringReject = onRejectedCalled;
            s.Done();
        });

        Assert.False(calledDuringReject);
        Assert.True(onRejectedCalled);
    }

    // "when `onRejected` is added immediately after the promise is rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedImmediatelyAfterRejection_NotCalledSynchronously(Mode mode)
    {
        var calledDuringThen = true;
        var onRejectedCalled = false;

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            deferred.Reject(ReasonException.Dummy());

            deferred.Promise.Then(_ => s.Fail("onFulfilled must not be called"), _ => { onRejectedCalled = true; });

            calledDuringThen = onRejectedCalled;
            s.Done();
        });

        Assert.False(calledDuringThen);
        Assert.True(onRejectedCalled);
    }

    // "when `onRejected` is added inside an `onFulfilled`".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedInsideOnFulfilled_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        var seenByInner = new List<bool>();

        Scenarios.RunRejecting(mode, s =>
        {
            var promise = Adapter.Resolved();
            var promise2 = Adapter.Rejected(ReasonException.Dummy());
            var firstOnFulfilledFinished = false;

            promise.Then(() =>
            {
                promise2.Then(() => s.Fail("onFulfilled must not be called"), _ =>
                {
                    seenByInner.Add(firstOnFulfilledFinished);
                    s.Done();
                });
                firstOnFulfilledFinished = true;
            });
        });

        Assert.True(Assert.Single(seenByInner));
    }

    // "when one `onRejected` is added inside another `onRejected`".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_OnRejectedAddedInsideOnRejected_RunsAfterTheOuterHandlerFinished(Mode mode)
    {
        var seenByInner = new List<bool>();

        Scenarios.RunRejecting(mode, s =>
        {
            var promise = Adapter.Rejected(ReasonException.Dummy());
            var firstOnRejectedFinished = false;

            promise.Then(() => s.Fail("onFulfilled must not be called"), _ =>
            {
                promise.Then(() => s.Fail("onFulfilled must not be called"), _ =>
                {
                    seenByInner.Add(firstOnRejectedFinished);
                    s.Done();
                });
                firstOnRejectedFinished = true;
            });
        });

        Assert.True(Assert.Single(seenByInner));
    }

    // "when the promise is rejected asynchronously".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_4_RejectedAsynchronously_OnRejectedRunsAfterTheTimerFinished(Mode mode)
    {
        var seenByHandler = new List<bool>();

        Scenarios.RunRejecting(mode, s =>
        {
            var deferred = Adapter.Deferred<object?>();
            var firstStackFinished = false;

            s.SetTimeout(
                () =>
                {
                    deferred.Reject(ReasonException.Dummy());
                    firstStackFinished = true;
                },
                Delays.Now);

            deferred.Promise.Then(_ => s.Fail("onFulfilled must not be called"), _ =>
            {
                seenByHandler.Add(firstStackFinished);
                s.Done();
            });
        });

        Assert.True(Assert.Single(seenByHandler));
    }
}
