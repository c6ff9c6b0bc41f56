namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated source promise: what it settles with, and when.</summary>
internal sealed record Settlement(PromiseOutcome Outcome, Later When)
{
    /// <summary>Builds the promise on the running loop; every call builds a new one (a new reason instance too).</summary>
    public Promise<int> Build()
    {
        switch (When.Timing)
        {
            case SettleTiming.Now:
                return Outcome.ToSettledPromise();
            case SettleTiming.Executor:
                return new Promise<int>((resolve, reject) => resolve(Outcome.ValueOrThrow()));
            case SettleTiming.Delay:
                return Promise.Delay(When.Amount).Then(Outcome.ValueOrThrow);
            default:
                PromiseWithResolvers<int> resolvers = Promise.WithResolvers<int>();
                When.Run(() => Outcome.SettleWith(resolvers));
                return resolvers.Promise;
        }
    }

    public override string ToString() => $"{Outcome} {When}";
}
