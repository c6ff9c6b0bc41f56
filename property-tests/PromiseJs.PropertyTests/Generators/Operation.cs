namespace PromiseJs.PropertyTests.Generators;

/// <summary>One generated step of a promise program: a handler attached with <c>Then</c>, <c>Catch</c> or <c>Finally</c>,
/// together with its model (what it does to the outcome).</summary>
internal abstract record Operation
{
    private Operation()
    {
    }

    public abstract Promise<int> ApplyTo(Promise<int> promise);

    public abstract PromiseOutcome Model(PromiseOutcome input);

    // Every reason in a generated program is a LawException; any other exception (a library bug) shows up as a mismatch.
    private static int CodeOf(Exception reason) => ((LawException)reason).Code;

    /// <summary><c>Then(x => f(x))</c> with a pure (possibly throwing) function.</summary>
    public sealed record Map(IntFunction F) : Operation
    {
        public override Promise<int> ApplyTo(Promise<int> promise) => promise.Then(x => F.Apply(x));

        public override PromiseOutcome Model(PromiseOutcome input) => input is PromiseOutcome.Fulfilled f ? F.OutcomeFor(f.Value) : input;

        public override string ToString() => $"Then({F})";
    }

    /// <summary><c>Then(x => f(x))</c> where f returns a promise, a task or a thenable, which the result adopts.</summary>
    public sealed record Bind(PromiseFunction F) : Operation
    {
        public override Promise<int> ApplyTo(Promise<int> promise) => F.BindTo(promise);

        public override PromiseOutcome Model(PromiseOutcome input) => input is PromiseOutcome.Fulfilled f ? F.OutcomeFor(f.Value) : input;

        public override string ToString() => $"Then({F})";
    }

    /// <summary><c>Then(onFulfilled, onRejected)</c> with pure functions (the rejection handler gets the reason's code).</summary>
    public sealed record Both(IntFunction OnFulfilled, IntFunction OnRejected) : Operation
    {
        public override Promise<int> ApplyTo(Promise<int> promise) =>
            promise.Then(x => OnFulfilled.Apply(x), e => OnRejected.Apply(CodeOf(e)));

        public override PromiseOutcome Model(PromiseOutcome input) => input switch
        {
            PromiseOutcome.Fulfilled f => OnFulfilled.OutcomeFor(f.Value),
            PromiseOutcome.Rejected r => OnRejected.OutcomeFor(r.Code),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };

        public override string ToString() => $"Then({OnFulfilled}, code => ({OnRejected})(code))";
    }

    /// <summary><c>Catch(e => f(code))</c>: recovers with a value (or fails again).</summary>
    public sealed record Recover(IntFunction F) : Operation
    {
        public override Promise<int> ApplyTo(Promise<int> promise) => promise.Catch(e => F.Apply(CodeOf(e)));

        public override PromiseOutcome Model(PromiseOutcome input) => input is PromiseOutcome.Rejected r ? F.OutcomeFor(r.Code) : input;

        public override string ToString() => $"Catch(code => ({F})(code))";
    }

    /// <summary><c>Catch(e => f(code))</c> where f returns a promise, a task or a thenable, which the result adopts.</summary>
    public sealed record RecoverWith(PromiseFunction F) : Operation
    {
        public override Promise<int> ApplyTo(Promise<int> promise) => F.RecoverFrom(promise, CodeOf);

        public override PromiseOutcome Model(PromiseOutcome input) => input is PromiseOutcome.Rejected r ? F.OutcomeFor(r.Code) : input;

        public override string ToString() => $"Catch(code => ({F})(code))";
    }

    /// <summary><c>Finally(callback)</c>.</summary>
    public sealed record Finally(FinallyCallback Callback) : Operation
    {
        public override Promise<int> ApplyTo(Promise<int> promise) => Callback.AttachTo(promise, static () => { });

        public override PromiseOutcome Model(PromiseOutcome input) => Callback.Model(input);

        public override string ToString() => Callback.ToString();
    }
}
