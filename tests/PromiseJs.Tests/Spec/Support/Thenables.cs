namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The suite's list of thenables (helpers/thenables.js), generic in the value so that a thenable can carry another
/// thenable ("a thenable for a thenable", 2.3.3.3.1). Asynchronous ones use the scenario's timers.
/// </summary>
internal static class Thenables
{
    public const string SynchronouslyFulfilledCustom = "a synchronously-fulfilled custom thenable";
    public const string AsynchronouslyFulfilledCustom = "an asynchronously-fulfilled custom thenable";
    public const string SynchronouslyFulfilledOneTime = "a synchronously-fulfilled one-time thenable";
    public const string TriesToFulfillTwice = "a thenable that tries to fulfill twice";
    public const string FulfillsButThenThrows = "a thenable that fulfills but then throws";
    public const string AlreadyFulfilledPromise = "an already-fulfilled promise";
    public const string EventuallyFulfilledPromise = "an eventually-fulfilled promise";

    public const string SynchronouslyRejectedCustom = "a synchronously-rejected custom thenable";
    public const string AsynchronouslyRejectedCustom = "an asynchronously-rejected custom thenable";
    public const string SynchronouslyRejectedOneTime = "a synchronously-rejected one-time thenable";
    public const string ImmediatelyThrowsInThen = "a thenable that immediately throws in `then`";
    public const string ThrowingThenAccessor = "an object with a throwing `then` accessor";
    public const string AlreadyRejectedPromise = "an already-rejected promise";
    public const string EventuallyRejectedPromise = "an eventually-rejected promise";

    public static IReadOnlyList<string> FulfilledNames { get; } =
    [
        SynchronouslyFulfilledCustom, AsynchronouslyFulfilledCustom, SynchronouslyFulfilledOneTime, TriesToFulfillTwice,
        FulfillsButThenThrows, AlreadyFulfilledPromise, EventuallyFulfilledPromise,
    ];

    public static IReadOnlyList<string> RejectedNames { get; } =
    [
        SynchronouslyRejectedCustom, AsynchronouslyRejectedCustom, SynchronouslyRejectedOneTime, ImmediatelyThrowsInThen,
        ThrowingThenAccessor, AlreadyRejectedPromise, EventuallyRejectedPromise,
    ];

    /// <summary>A thenable that fulfills with <paramref name="value"/>; <paramref name="other"/> is what a misbehaving one passes later.</summary>
    public static IThenable<T> Fulfilled<T>(string name, T value, T other, Scenario scenario) => name switch
    {
        SynchronouslyFulfilledCustom => new ScriptedThenable<T>((onFulfilled, _) => onFulfilled(value)),
        AsynchronouslyFulfilledCustom => new ScriptedThenable<T>(
            (onFulfilled, _) => scenario.SetTimeout(() => onFulfilled(value), Delays.Now)),
        SynchronouslyFulfilledOneTime => OneTime<T>(scenario, (onFulfilled, _) => onFulfilled(value)),
        TriesToFulfillTwice => new ScriptedThenable<T>((onFulfilled, _) =>
        {
            onFulfilled(value);
            onFulfilled(other);
        }),
        FulfillsButThenThrows => new ScriptedThenable<T>((onFulfilled, _) =>
        {
            onFulfilled(value);
            throw ReasonException.Other();
        }),
        AlreadyFulfilledPromise => Adapter.Resolved(value),
        EventuallyFulfilledPromise => Eventually<T>(scenario, d => d.Resolve(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a fulfilled thenable of the list"),
    };

    /// <summary>A thenable that rejects with <paramref name="reason"/>.</summary>
    public static IThenable<T> Rejected<T>(string name, Exception reason, Scenario scenario) => name switch
    {
        SynchronouslyRejectedCustom => new ScriptedThenable<T>((_, onRejected) => onRejected(reason)),
        AsynchronouslyRejectedCustom => new ScriptedThenable<T>(
            (_, onRejected) => scenario.SetTimeout(() => onRejected(reason), Delays.Now)),
        SynchronouslyRejectedOneTime => OneTime<T>(scenario, (_, onRejected) => onRejected(reason)),
        ImmediatelyThrowsInThen => new ScriptedThenable<T>((_, _) => throw reason),
        ThrowingThenAccessor => new ThrowingAccessorThenable<T>(reason),
        AlreadyRejectedPromise => Adapter.Rejected<T>(reason),
        EventuallyRejectedPromise => Eventually<T>(scenario, d => d.Reject(reason)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a rejected thenable of the list"),
    };

    // "one-time": in JavaScript its `then` can be retrieved once only; here its Then works once, and a second call
    // (a library that looked at it twice) fails the test.
    private static ScriptedThenable<T> OneTime<T>(Scenario scenario, Action<Action<T>, Action<Exception>> then)
    {
        var calls = 0;
        return new ScriptedThenable<T>((onFulfilled, onRejected) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                then(onFulfilled, onRejected);
            }
            else
            {
                scenario.Fail("the Then of a one-time thenable was called a second time");
            }
        });
    }

    private static Promise<T> Eventually<T>(Scenario scenario, Action<PromiseWithResolvers<T>> settle)
    {
        var deferred = Adapter.Deferred<T>();
        scenario.SetTimeout(() => settle(deferred), Delays.Eventually);
        return deferred.Promise;
    }
}
