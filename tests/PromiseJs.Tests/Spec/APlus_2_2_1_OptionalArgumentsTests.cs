using PromiseJs.Tests.Spec.Support;
using Xunit;

namespace PromiseJs.Tests.Spec;

/// <summary>
/// 2.2.1: Both <c>onFulfilled</c> and <c>onRejected</c> are optional arguments (2.2.1.js).
/// </summary>
/// <remarks>
/// C# has no "non-function" values for a delegate parameter but <c>null</c>, and the contract answers it loudly: a null
/// handler throws <see cref="ArgumentNullException"/> at the call and attaches nothing. Leaving a handler out is done by
/// calling the overload without it: <c>Catch(onRejected)</c> leaves out <c>onFulfilled</c>, the one-handler
/// <c>Then(onFulfilled)</c> leaves out <c>onRejected</c>. The suite's rows <c>undefined</c>, <c>null</c>, <c>false</c>,
/// <c>5</c> and "an object" become one row per handler shape.
/// </remarks>
public sealed class APlus_2_2_1_OptionalArgumentsTests
{
    public static TheoryData<string> OnFulfilledNullShapes => [.. s_onFulfilledNull.Keys];

    public static TheoryData<string> OnRejectedNullShapes => [.. s_onRejectedNull.Keys];

    // Then(null, onRejected) in every handler shape; each returns the valid handler's call counter.
    private static readonly Dictionary<string, Func<Promise<object?>, Action, object>> s_onFulfilledNull = new()
    {
        ["Func<T, TResult>"] = (p, called) => p.Then(NullOf<Func<object?, object?>>(), _ => Called<object?>(called)),
        ["Func<T, Promise<TResult>>"] = (p, called) => p.Then(NullOf<Func<object?, Promise<object?>?>>(), _ => Called<Promise<object?>?>(called)),
        ["Func<T, IThenable<TResult>>"] = (p, called) => p.Then(NullOf<Func<object?, IThenable<object?>?>>(), _ => Called<IThenable<object?>?>(called)),
        ["Func<T, Task<TResult>>"] = (p, called) => p.Then(NullOf<Func<object?, Task<object?>?>>(), _ => Called<Task<object?>?>(called)),
        ["Action<T>"] = (p, called) => p.Then(NullOf<Action<object?>>(), _ => called()),
        ["Func<T, Promise>"] = (p, called) => p.Then(NullOf<Func<object?, Promise?>>(), _ => Called<Promise?>(called)),
        ["Func<T, Task>"] = (p, called) => p.Then(NullOf<Func<object?, Task?>>(), _ => Called<Task?>(called)),
        ["Action (promise of no value)"] = (p, called) => ((Promise)p).Then(NullOf<Action>(), _ => called()),
    };

    // Then(onFulfilled, null) and Catch(null) in every handler shape.
    private static readonly Dictionary<string, Func<Promise<object?>, Action, object>> s_onRejectedNull = new()
    {
        ["Func<T, TResult>"] = (p, called) => p.Then(_ => Called<object?>(called), NullOf<Func<Exception, object?>>()),
        ["Func<T, Promise<TResult>>"] = (p, called) => p.Then(_ => Called<Promise<object?>?>(called), NullOf<Func<Exception, Promise<object?>?>>()),
        ["Func<T, IThenable<TResult>>"] = (p, called) => p.Then(_ => Called<IThenable<object?>?>(called), NullOf<Func<Exception, IThenable<object?>?>>()),
        ["Func<T, Task<TResult>>"] = (p, called) => p.Then(_ => Called<Task<object?>?>(called), NullOf<Func<Exception, Task<object?>?>>()),
        ["Action<T>"] = (p, called) => p.Then(_ => called(), NullOf<Action<Exception>>()),
        ["Func<T, Promise>"] = (p, called) => p.Then(_ => Called<Promise?>(called), NullOf<Func<Exception, Promise?>>()),
        ["Func<T, Task>"] = (p, called) => p.Then(_ => Called<Task?>(called), NullOf<Func<Exception, Task?>>()),
        ["Action (promise of no value)"] = (p, called) => ((Promise)p).Then(called, NullOf<Action<Exception>>()),
        ["Catch(Func<Exception, T>)"] = (p, _) => p.Catch(NullOf<Func<Exception, object?>>()),
        ["Catch(Func<Exception, Promise<T>>)"] = (p, _) => p.Catch(NullOf<Func<Exception, Promise<object?>?>>()),
        ["Catch(Func<Exception, Task<T>>)"] = (p, _) => p.Catch(NullOf<Func<Exception, Task<object?>?>>()),
        ["Catch<TException>(Func<TException, T>)"] = (p, _) => p.Catch(NullOf<Func<InvalidOperationException, object?>>()),
        ["Catch<TException>(Func<TException, Promise<T>>)"] = (p, _) => p.Catch(NullOf<Func<InvalidOperationException, Promise<object?>?>>()),
        ["Catch(Action<Exception>)"] = (p, _) => p.Catch(NullOf<Action<Exception>>()),
        ["Catch(Func<Exception, Promise>)"] = (p, _) => p.Catch(NullOf<Func<Exception, Promise?>>()),
        ["Catch(Func<Exception, Task>)"] = (p, _) => p.Catch(NullOf<Func<Exception, Task?>>()),
        ["Catch<TException>(Action<TException>)"] = (p, _) => p.Catch(NullOf<Action<InvalidOperationException>>()),
    };

    // 2.2.1.1, "applied to a directly-rejected promise": rejected(dummy).then(nonFunction, onRejected).
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_1_1_OnFulfilledLeftOut_DirectlyRejected_OnRejectedCalled(Mode mode)
    {
        Observation<object?>? observation = null;
        var reason = ReasonException.Dummy();

        Scenarios.RunRejecting(mode, s =>
        {
            var rejected = Adapter.Rejected<object?>(reason).Catch(e => (object?)e);
            observation = s.Observe(rejected);
        });

        observation!.AssertFulfilledWith(reason);
    }

    // 2.2.1.1, "applied to a promise rejected and then chained off of":
    // rejected(dummy).then(function () { }, undefined).then(nonFunction, onRejected).
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_1_1_OnFulfilledLeftOut_RejectedThenChainedOff_OnRejectedCalled(Mode mode)
    {
        var rejectedWith = new List<Exception>();
        var reason = ReasonException.Dummy();

        Scenarios.RunRejecting(mode, s =>
        {
            Adapter.Rejected<object?>(reason)
                .Then(_ => { })
                .Catch(e =>
                {
                    rejectedWith.Add(e);
                    s.Done();
                });
        });

        Assert.Same(reason, Assert.Single(rejectedWith));
    }

    // 2.2.1.1 with a null onFulfilled: refused at the call, and the onRejected given with it is never attached.
    [Theory]
    [MemberData(nameof(OnFulfilledNullShapes))]
    public void _2_2_1_1_OnFulfilledNull_ThrowsArgumentNullExceptionAndAttachesNothing(string shape)
    {
        var onRejectedCalls = 0;
        ArgumentNullException? thrown = null;

        Scenarios.RunRejecting(Mode.Loop, s =>
        {
            var promise = Adapter.Rejected<object?>(ReasonException.Dummy());
            thrown = Assert.Throws<ArgumentNullException>(() => s_onFulfilledNull[shape](promise, () => onRejectedCalls++));
            s.SetTimeout(s.Done, Delays.Now);
        });

        Assert.Equal("onFulfilled", thrown!.ParamName);
        Assert.Equal(0, onRejectedCalls);
    }

    // 2.2.1.2, "applied to a directly-fulfilled promise": resolved(dummy).then(onFulfilled, nonFunction).
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_1_2_OnRejectedLeftOut_DirectlyFulfilled_OnFulfilledCalled(Mode mode)
    {
        var fulfilledWith = new List<object?>();

        Scenarios.Run(mode, s =>
        {
            Adapter.Resolved<object?>(Values.Dummy).Then(value =>
            {
                fulfilledWith.Add(value);
                s.Done();
            });
        });

        Assert.Same(Values.Dummy, Assert.Single(fulfilledWith));
    }

    // 2.2.1.2, "applied to a promise fulfilled and then chained off of":
    // resolved(dummy).then(undefined, function () { }).then(onFulfilled, nonFunction).
    [Theory]
    [MemberData(nameof(Rows.Modes), MemberType = typeof(Rows))]
    public void _2_2_1_2_OnRejectedLeftOut_FulfilledThenChainedOff_OnFulfilledCalled(Mode mode)
    {
        var fulfilledWith = new List<object?>();

        Scenarios.Run(mode, s =>
        {
            Adapter.Resolved<object?>(Values.Dummy)
                .Catch(_ => Values.Other)
                .Then(value =>
                {
                    fulfilledWith.Add(value);
                    s.Done();
                });
        });

        Assert.Same(Values.Dummy, Assert.Single(fulfilledWith));
    }

    // 2.2.1.2 with a null onRejected: refused at the call, and the onFulfilled given with it is never attached.
    [Theory]
    [MemberData(nameof(OnRejectedNullShapes))]
    public void _2_2_1_2_OnRejectedNull_ThrowsArgumentNullExceptionAndAttachesNothing(string shape)
    {
        var onFulfilledCalls = 0;
        ArgumentNullException? thrown = null;

        Scenarios.Run(Mode.Loop, s =>
        {
            var promise = Adapter.Resolved<object?>(Values.Dummy);
            thrown = Assert.Throws<ArgumentNullException>(() => s_onRejectedNull[shape](promise, () => onFulfilledCalls++));
            s.SetTimeout(s.Done, Delays.Now);
        });

        Assert.Equal("onRejected", thrown!.ParamName);
        Assert.Equal(0, onFulfilledCalls);
    }

    private static T NullOf<T>()
        where T : Delegate => null!;

    private static T? Called<T>(Action called)
    {
        called();
        return default;
    }
}
