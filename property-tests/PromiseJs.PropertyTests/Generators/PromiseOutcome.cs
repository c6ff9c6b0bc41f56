using PromiseJs.PropertyTests.Support;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>How a generated promise settles: fulfilled with a value, or rejected with a <see cref="LawException"/> of a
/// code. (Not called Outcome: that name is FsCheck's.)</summary>
internal abstract record PromiseOutcome
{
    private PromiseOutcome()
    {
    }

    public static PromiseOutcome Fulfill(int value) => new Fulfilled(value);

    public static PromiseOutcome Reject(int code) => new Rejected(code);

    /// <summary>Runs a pure function of the model: its value fulfills, a <see cref="LawException"/> it throws rejects.</summary>
    public static PromiseOutcome Of(Func<int> function)
    {
        try
        {
            return Fulfill(function());
        }
        catch (LawException e)
        {
            return Reject(e.Code);
        }
    }

    /// <summary>Settles a pending promise with this outcome.</summary>
    public void SettleWith(PromiseWithResolvers<int> resolvers) => SettleWith(resolvers.Resolve, resolvers.Reject);

    /// <summary>Calls <paramref name="resolve"/> or <paramref name="reject"/> (an executor's functions) with this outcome.</summary>
    public abstract void SettleWith(Action<int> resolve, Action<Exception> reject);

    /// <summary>Returns an already settled promise with this outcome.</summary>
    public abstract Promise<int> ToSettledPromise();

    /// <summary>Returns the value, or throws the reason: the body of a handler that settles with this outcome.</summary>
    public abstract int ValueOrThrow();

    /// <summary>Returns what a promise that settled with this outcome looks like after the loop ran.</summary>
    public abstract Observation ToObservation();

    public sealed record Fulfilled(int Value) : PromiseOutcome
    {
        public override void SettleWith(Action<int> resolve, Action<Exception> reject) => resolve(Value);

        public override Promise<int> ToSettledPromise() => Promise.Resolve(Value);

        public override int ValueOrThrow() => Value;

        public override Observation ToObservation() => Observation.Fulfilled(Value);

        public override string ToString() => $"fulfilled {Value}";
    }

    public sealed record Rejected(int Code) : PromiseOutcome
    {
        public override void SettleWith(Action<int> resolve, Action<Exception> reject) => reject(new LawException(Code));

        public override Promise<int> ToSettledPromise() => Promise.Reject<int>(new LawException(Code));

        public override int ValueOrThrow() => throw new LawException(Code);

        public override Observation ToObservation() => Observation.Rejected(new LawException(Code));

        public override string ToString() => $"rejected law-{Code}";
    }
}
