using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated attempt to settle one promise several times: <see cref="Calls"/> are made one after another at
/// <see cref="When"/>, through an executor (which may then throw <see cref="ExecutorThrowsCode"/>) or through
/// <c>WithResolvers</c>.</summary>
internal sealed record SettleScript(bool ViaExecutor, Later When, ImmutableArray<PromiseOutcome> Calls, int? ExecutorThrowsCode)
{
    /// <summary>The outcome that must win: the first call, unless the executor threw before any call was made.</summary>
    public PromiseOutcome Expected =>
        ViaExecutor && ExecutorThrowsCode is { } code && When.Timing is not (SettleTiming.Now or SettleTiming.Executor)
            ? PromiseOutcome.Reject(code)
            : Calls[0];

    /// <summary>Smaller scripts: fewer calls, the calls made now, no throwing executor.</summary>
    public IEnumerable<SettleScript> Shrink()
    {
        if (Calls.Length > 1)
        {
            yield return this with { Calls = Calls.RemoveAt(Calls.Length - 1) };
        }

        if (When.Timing != SettleTiming.Now)
        {
            yield return this with { When = Later.Now };
        }

        if (ExecutorThrowsCode is not null)
        {
            yield return this with { ExecutorThrowsCode = null };
        }
    }

    public override string ToString() =>
        $"{(ViaExecutor ? "executor" : "WithResolvers")} {When}: [{string.Join(", ", Calls)}]" +
        (ViaExecutor && ExecutorThrowsCode is { } thrown ? $", then the executor throws law-{thrown}" : "");
}
