using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated promise program: a source promise and a chain of operations on it, with a pure model of its
/// outcome.</summary>
internal sealed record PromiseProgram(Settlement Source, ImmutableArray<Operation> Operations)
{
    /// <summary>Builds the program's promise on the running loop (a new one each call).</summary>
    public Promise<int> Build()
    {
        Promise<int> promise = Source.Build();
        foreach (Operation operation in Operations)
        {
            promise = operation.ApplyTo(promise);
        }

        return promise;
    }

    /// <summary>The outcome the program must settle with, computed without promises.</summary>
    public PromiseOutcome Model() => Operations.Aggregate(Source.Outcome, (outcome, operation) => operation.Model(outcome));

    /// <summary>Smaller programs for shrinking: one operation fewer, or the source settled now.</summary>
    public IEnumerable<PromiseProgram> Shrink()
    {
        for (int i = 0; i < Operations.Length; i++)
        {
            yield return this with { Operations = Operations.RemoveAt(i) };
        }

        if (Source.When.Timing != SettleTiming.Now)
        {
            yield return this with { Source = Source with { When = Later.Now } };
        }
    }

    public override string ToString() =>
        string.Concat(Operations.Select(operation => $" .{operation}").Prepend($"<{Source}>"));
}
