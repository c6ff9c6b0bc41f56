namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated <c>Finally</c> callback: one that returns normally, one that throws, or one that returns a promise.</summary>
internal abstract record FinallyCallback
{
    private FinallyCallback()
    {
    }

    /// <summary>Attaches the callback to <paramref name="promise"/>; <paramref name="onCall"/> runs each time it is called.</summary>
    public abstract Promise<int> AttachTo(Promise<int> promise, Action onCall);

    /// <summary>The model: <c>Finally</c> passes <paramref name="input"/> through unless the callback fails.</summary>
    public abstract PromiseOutcome Model(PromiseOutcome input);

    public sealed record Returns : FinallyCallback
    {
        public override Promise<int> AttachTo(Promise<int> promise, Action onCall) => promise.Finally(onCall);

        public override PromiseOutcome Model(PromiseOutcome input) => input;

        public override string ToString() => "Finally(() => { })";
    }

    public sealed record Throws(int Code) : FinallyCallback
    {
        public override Promise<int> AttachTo(Promise<int> promise, Action onCall) => promise.Finally(() =>
        {
            onCall();
            throw new LawException(Code);
        });

        public override PromiseOutcome Model(PromiseOutcome input) => PromiseOutcome.Reject(Code);

        public override string ToString() => $"Finally(() => throw law-{Code})";
    }

    public sealed record ReturnsPromise(Settlement Result) : FinallyCallback
    {
        public override Promise<int> AttachTo(Promise<int> promise, Action onCall) => promise.Finally(() =>
        {
            onCall();
            return (Promise)Result.Build();
        });

        // The promise's value is ignored; its rejection wins.
        public override PromiseOutcome Model(PromiseOutcome input) => Result.Outcome is PromiseOutcome.Rejected ? Result.Outcome : input;

        public override string ToString() => $"Finally(() => promise {Result})";
    }
}
