using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>2.2.6: <c>then</c> may be called multiple times on the same promise (2.2.6.js).</summary>
public sealed class APlus_2_2_6_MultipleThenTests
{
    // 2.2.6.1, "multiple boring fulfillment handlers".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_1_MultipleBoringFulfillmentHandlers_AllCalledWithTheValueInOrder(Mode mode, Settling settling)
    {
        AssertFulfillmentHandlersAllCalledWithTheValueInOrder(mode, settling, secondThrows: false);
    }

    // 2.2.6.1, "multiple fulfillment handlers, one of which throws".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_1_MultipleFulfillmentHandlersOneThrows_AllCalledWithTheValueInOrder(Mode mode, Settling settling)
    {
        AssertFulfillmentHandlersAllCalledWithTheValueInOrder(mode, settling, secondThrows: true);
    }

    // 2.2.6.1, "results in multiple branching chains with their own fulfillment values".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_1_BranchingChains_EachGetsItsOwnOutcome(Mode mode, Settling settling)
    {
        AssertBranchingChainsEachGetItsOwnOutcome(mode, settling, rejecting: false);
    }

    // 2.2.6.1, "`onFulfilled` handlers are called in the original order".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_1_OnFulfilledHandlers_CalledInTheOrderOfTheirThenCalls(Mode mode, Settling settling)
    {
        AssertHandlersCalledInTheOrderOfTheirThenCalls(mode, settling, rejecting: false);
    }

    // 2.2.6.1, "even when one handler is added inside another handler".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_1_OnFulfilledAddedInsideAnotherHandler_RunsAfterThoseAlreadyAttached(Mode mode, Settling settling)
    {
        AssertHandlerAddedInsideAnotherRunsAfterThoseAlreadyAttached(mode, settling, rejecting: false);
    }

    // 2.2.6.2, "multiple boring rejection handlers".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_2_MultipleBoringRejectionHandlers_AllCalledWithTheReasonInOrder(Mode mode, Settling settling)
    {
        AssertRejectionHandlersAllCalledWithTheReasonInOrder(mode, settling, secondThrows: false);
    }

    // 2.2.6.2, "multiple rejection handlers, one of which throws".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_2_MultipleRejectionHandlersOneThrows_AllCalledWithTheReasonInOrder(Mode mode, Settling settling)
    {
        AssertRejectionHandlersAllCalledWithTheReasonInOrder(mode, settling, secondThrows: true);
    }

    // 2.2.6.2, "results in multiple branching chains with their own fulfillment values".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_2_BranchingChains_EachGetsItsOwnOutcome(Mode mode, Settling settling)
    {
        AssertBranchingChainsEachGetItsOwnOutcome(mode, settling, rejecting: true);
    }

    // 2.2.6.2, "`onRejected` handlers are called in the original order".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_2_OnRejectedHandlers_CalledInTheOrderOfTheirThenCalls(Mode mode, Settling settling)
    {
        AssertHandlersCalledInTheOrderOfTheirThenCalls(mode, settling, rejecting: true);
    }

    // 2.2.6.2, "even when one handler is added inside another handler".
    [Theory]
    [MemberData(nameof(Rows.ModesAndSettlings), MemberType = typeof(Rows))]
    public void _2_2_6_2_OnRejectedAddedInsideAnotherHandler_RunsAfterThoseAlreadyAttached(Mode mode, Settling settling)
    {
        AssertHandlerAddedInsideAnotherRunsAfterThoseAlreadyAttached(mode, settling, rejecting: true);
    }

    // 2.2.6.1, "multiple boring fulfillment handlers" and "multiple fulfillment handlers, one of which throws": three
    // stubbed onFulfilled (the second throws if `secondThrows`), then a final handler that sees the original value.
    private static void AssertFulfillmentHandlersAllCalledWithTheValueInOrder(Mode mode, Settling settling, bool secondThrows)
    {
        var log = new CallLog();
        Stub<object?>[] handlers = [new("handler1", log), new("handler2", log), new("handler3", log)];
        var spy = new Stub<Exception>("spy", log);
        var finalValues = new List<object?>();
        IReadOnlyList<string>? callsBeforeFinal = null;

        Scenarios.Run(mode, rejecting: secondThrows, s =>
        {
            s.TestFulfilled<object?>(settling, Values.Sentinel, promise =>
            {
                promise.Then(handlers[0].Returns(Values.Other), spy.Returns(Values.Other));
                promise.Then(
                    secondThrows ? handlers[1].Throws(ReasonException.Other()) : handlers[1].Returns(Values.Other),
                    spy.Returns(Values.Other));
                promise.Then(handlers[2].Returns(Values.Other), spy.Returns(Values.Other));

                promise.Then(value =>
                {
                    finalValues.Add(value);
                    callsBeforeFinal = log.Entries;
                    s.Done();
                });
            });
        });

        Assert.Same(Values.Sentinel, Assert.Single(finalValues));
        Assert.Equal(["handler1", "handler2", "handler3"], callsBeforeFinal);
        Assert.All(handlers, handler => Assert.Same(Values.Sentinel, Assert.Single(handler.Arguments)));
        Assert.Empty(spy.Arguments);
    }

    // 2.2.6.2, "multiple boring rejection handlers" and "multiple rejection handlers, one of which throws": three
    // stubbed onRejected (the second throws if `secondThrows`), then a final handler that sees the original reason.
    private static void AssertRejectionHandlersAllCalledWithTheReasonInOrder(Mode mode, Settling settling, bool secondThrows)
    {
        var sentinel = ReasonException.Sentinel();
        var log = new CallLog();
        Stub<Exception>[] handlers = [new("handler1", log), new("handler2", log), new("handler3", log)];
        var spy = new Stub<object?>("spy", log);
        var finalReasons = new List<Exception>();
        IReadOnlyList<string>? callsBeforeFinal = null;

        Scenarios.RunRejecting(mode, s =>
        {
            s.TestRejected<object?>(settling, sentinel, promise =>
            {
                promise.Then(spy.Returns(Values.Other), handlers[0].Returns(Values.Other));
                promise.Then(
                    spy.Returns(Values.Other),
                    secondThrows ? handlers[1].Throws(ReasonException.Other()) : handlers[1].Returns(Values.Other));
                promise.Then(spy.Returns(Values.Other), handlers[2].Returns(Values.Other));

                promise.Then(_ => s.Fail("onFulfilled must not be called"), reason =>
                {
                    finalReasons.Add(reason);
                    callsBeforeFinal = log.Entries;
                    s.Done();
                });
            });
        });

        Assert.Same(sentinel, Assert.Single(finalReasons));
        Assert.Equal(["handler1", "handler2", "handler3"], callsBeforeFinal);
        Assert.All(handlers, handler => Assert.Same(sentinel, Assert.Single(handler.Arguments)));
        Assert.Empty(spy.Arguments);
    }

    // 2.2.6.1/2.2.6.2, "results in multiple branching chains with their own fulfillment values": three handlers of the
    // same kind on one settled promise (returning, throwing, returning), each starting a chain of its own.
    private static void AssertBranchingChainsEachGetItsOwnOutcome(Mode mode, Settling settling, bool rejecting)
    {
        var sentinel2 = new ReasonException("sentinel2");
        var branch1 = new List<object?>();
        var branch2 = new List<Exception>();
        var branch3 = new List<object?>();

        Scenarios.RunRejecting(mode, s =>
        {
            Action<Promise<object?>> test = promise =>
            {
                var semiDone = CallbackAggregator(3, s.Done);
                var unreachable = s.Unreachable<object?, object?>("onFulfilled");
                Func<Func<object?>, Promise<object?>> then = rejecting
                    ? handler => promise.Then(unreachable, _ => handler())
                    : handler => promise.Then(_ => handler());

                then(() => Values.Sentinel).Then(value =>
                {
                    branch1.Add(value);
                    semiDone();
                });

                then(() => throw sentinel2).Then(_ => s.Fail("the second branch must reject"), reason =>
                {
                    branch2.Add(reason);
                    semiDone();
                });

                then(() => Values.Sentinel3).Then(value =>
                {
                    branch3.Add(value);
                    semiDone();
                });
            };

            if (rejecting)
            {
                s.TestRejected<object?>(settling, ReasonException.Sentinel(), test);
            }
            else
            {
                s.TestFulfilled<object?>(settling, Values.Dummy, test);
            }
        });

        Assert.Same(Values.Sentinel, Assert.Single(branch1));
        Assert.Same(sentinel2, Assert.Single(branch2));
        Assert.Same(Values.Sentinel3, Assert.Single(branch3));
    }

    // 2.2.6.1/2.2.6.2, "`onFulfilled`/`onRejected` handlers are called in the original order".
    private static void AssertHandlersCalledInTheOrderOfTheirThenCalls(Mode mode, Settling settling, bool rejecting)
    {
        var log = new CallLog();
        IReadOnlyList<string>? callsBeforeFinal = null;
        Action<Scenario, Promise<object?>, Action> attach = rejecting ? OnRejected : OnFulfilled;

        Scenarios.Run(mode, rejecting, s =>
        {
            TestSettled(s, settling, rejecting, promise =>
            {
                attach(s, promise, () => log.Add("handler1"));
                attach(s, promise, () => log.Add("handler2"));
                attach(s, promise, () => log.Add("handler3"));

                attach(s, promise, () =>
                {
                    callsBeforeFinal = log.Entries;
                    s.Done();
                });
            });
        });

        Assert.Equal(["handler1", "handler2", "handler3"], callsBeforeFinal);
    }

    // 2.2.6.1/2.2.6.2, "even when one handler is added inside another handler".
    private static void AssertHandlerAddedInsideAnotherRunsAfterThoseAlreadyAttached(
        Mode mode, Settling settling, bool rejecting)
    {
        var log = new CallLog();
        IReadOnlyList<string>? calls = null;
        Action<Scenario, Promise<object?>, Action> attach = rejecting ? OnRejected : OnFulfilled;

        Scenarios.Run(mode, rejecting, s =>
        {
            TestSettled(s, settling, rejecting, promise =>
            {
                attach(s, promise, () =>
                {
                    log.Add("handler1");
                    attach(s, promise, () => log.Add("handler3"));
                });
                attach(s, promise, () => log.Add("handler2"));

                attach(s, promise, () =>
                {
                    // As the suite does, give the implementation extra time to flush its internal queue.
                    s.SetTimeout(
                        () =>
                        {
                            calls = log.Entries;
                            s.Done();
                        },
                        Delays.Step);
                });
            });
        });

        Assert.Equal(["handler1", "handler2", "handler3"], calls);
    }

    // The suite's testFulfilled with a dummy value, or testRejected with a dummy reason if `rejecting`.
    private static void TestSettled(Scenario s, Settling settling, bool rejecting, Action<Promise<object?>> test)
    {
        if (rejecting)
        {
            s.TestRejected<object?>(settling, ReasonException.Dummy(), test);
        }
        else
        {
            s.TestFulfilled<object?>(settling, Values.Dummy, test);
        }
    }

    private static void OnFulfilled(Scenario s, Promise<object?> promise, Action handler) => promise.Then(_ => handler());

    private static void OnRejected(Scenario s, Promise<object?> promise, Action handler) =>
        promise.Then(_ => s.Fail("onFulfilled must not be called"), _ => handler());

    // The suite's callbackAggregator: calls `done` when called for the `times`-th time.
    private static Action CallbackAggregator(int times, Action done)
    {
        var soFar = 0;
        return () =>
        {
            if (Interlocked.Increment(ref soFar) == times)
            {
                done();
            }
        };
    }

    // sinon.stub(): records its arguments and the order of calls, then returns or throws.
    private sealed class Stub<TArgument>
    {
        private readonly string _name;
        private readonly CallLog _log;
        private readonly object _gate = new();
        private readonly List<TArgument> _arguments = [];

        public Stub(string name, CallLog log)
        {
            _name = name;
            _log = log;
        }

        public IReadOnlyList<TArgument> Arguments
        {
            get
            {
                lock (_gate)
                {
                    return [.. _arguments];
                }
            }
        }

        public Func<TArgument, object?> Returns(object? result) => argument =>
        {
            Record(argument);
            return result;
        };

        public Func<TArgument, object?> Throws(Exception exception) => argument =>
        {
            Record(argument);
            throw exception;
        };

        private void Record(TArgument argument)
        {
            lock (_gate)
            {
                _arguments.Add(argument);
            }

            _log.Add(_name);
        }
    }
}
