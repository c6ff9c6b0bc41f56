using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>
/// 2.2.5: <c>onFulfilled</c> and <c>onRejected</c> must be called as functions, i.e. with no <c>this</c> value (2.2.5.js).
/// </summary>
/// <remarks>
/// A C# delegate carries its own target, so the clause becomes: the library invokes the very delegate it was given,
/// neither binding a <c>this</c> of its own nor rebinding the delegate. "strict mode" (no <c>this</c> at all) maps to a
/// static method, whose delegate has no target; "sloppy mode" (<c>this</c> is the global object, not the promise) maps to
/// an instance method, which must run on its own instance.
/// </remarks>
public sealed class APlus_2_2_5_CalledAsFunctionsTests
{
    // "strict mode", "fulfilled": a static method (no target) is called, with the value as its only argument.
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_5_StrictMode_OnFulfilled_StaticHandlerCalled(Mode mode)
    {
        var probe = new Probe();

        Scenarios.Run(mode, s =>
        {
            Action<Probe> onFulfilled = StaticOnFulfilled;
            Assert.Null(onFulfilled.Target);
            Adapter.Resolved(probe).Then(onFulfilled).Then(s.Done);
        });

        Assert.Same(probe, Assert.Single(probe.Receivers));
    }

    // "strict mode", "rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_5_StrictMode_OnRejected_StaticHandlerCalled(Mode mode)
    {
        var probe = new Probe();

        Scenarios.RunRejecting(mode, s =>
        {
            Action<Exception> onRejected = StaticOnRejected;
            Assert.Null(onRejected.Target);
            Adapter.Rejected<object?>(new ProbeException(probe)).Then(_ => s.Fail("onFulfilled must not be called"), onRejected).Then(s.Done);
        });

        Assert.IsType<ProbeException>(Assert.Single(probe.Receivers));
    }

    // "sloppy mode", "fulfilled": an instance method runs on its own instance, not on the promise.
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_5_SloppyMode_OnFulfilled_InstanceMethodRunsOnItsOwnTarget(Mode mode)
    {
        var probe = new Probe();

        Scenarios.Run(mode, s =>
        {
            Adapter.Resolved<object?>(Values.Dummy).Then(probe.RecordThis).Then(s.Done);
        });

        Assert.Same(probe, Assert.Single(probe.Receivers));
    }

    // "sloppy mode", "rejected".
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_5_SloppyMode_OnRejected_InstanceMethodRunsOnItsOwnTarget(Mode mode)
    {
        var probe = new Probe();

        Scenarios.RunRejecting(mode, s =>
        {
            Adapter.Rejected<object?>(ReasonException.Dummy())
                .Then(_ => s.Fail("onFulfilled must not be called"), probe.RecordThis)
                .Then(s.Done);
        });

        Assert.Same(probe, Assert.Single(probe.Receivers));
    }

    private static void StaticOnFulfilled(Probe probe) => probe.Hit(probe);

    private static void StaticOnRejected(Exception reason) => ((ProbeException)reason).Probe.Hit(reason);

    private sealed class Probe
    {
        private readonly object _gate = new();
        private readonly List<object> _receivers = [];

        public IReadOnlyList<object> Receivers
        {
            get
            {
                lock (_gate)
                {
                    return [.. _receivers];
                }
            }
        }

        public void Hit(object receiver)
        {
            lock (_gate)
            {
                _receivers.Add(receiver);
            }
        }

        // What JavaScript calls `this`, recorded from inside an instance method used as a handler.
        public void RecordThis(object? value) => Hit(this);

        public void RecordThis(Exception reason) => Hit(this);
    }

    private sealed class ProbeException : Exception
    {
        public ProbeException(Probe probe)
            : base("carries the probe to a static handler")
        {
            Probe = probe;
        }

        public Probe Probe { get; }
    }
}
