using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated set of pending inputs and the order they settle in: input <c>Order[i]</c> settles with its
/// outcome at step <c>i</c>, and step <c>i</c> runs at <c>Steps[i]</c> after step <c>i - 1</c>.</summary>
internal sealed record CompletionScript(ImmutableArray<PromiseOutcome> Outcomes, ImmutableArray<int> Order, ImmutableArray<Later> Steps)
{
    /// <summary>The input that settles first with <paramref name="predicate"/>'s kind of outcome, or -1.</summary>
    public int FirstToSettle(Func<PromiseOutcome, bool> predicate)
    {
        foreach (int index in Order)
        {
            if (predicate(Outcomes[index]))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Creates the pending inputs, hands them to <paramref name="combine"/> (a combinator), and only then
    /// schedules their settlement on the running loop, so that "first in time" is the order of <see cref="Order"/>
    /// (inputs that settled before a combinator subscribed would count in input order, as in JavaScript).</summary>
    public (Promise<int>[] Inputs, TResult Result) Start<TResult>(Func<Promise<int>[], TResult> combine)
    {
        PromiseWithResolvers<int>[] resolvers = [.. Outcomes.Select(_ => Promise.WithResolvers<int>())];
        Promise<int>[] inputs = [.. resolvers.Select(r => r.Promise)];
        TResult result = combine(inputs);
        Step(resolvers, 0);
        return (inputs, result);
    }

    /// <summary>Smaller scripts: one input fewer (its step dropped), or a step made "now".</summary>
    public IEnumerable<CompletionScript> Shrink()
    {
        if (Outcomes.Length > 1)
        {
            for (int input = 0; input < Outcomes.Length; input++)
            {
                int removed = input;
                int position = Order.IndexOf(removed);
                yield return new CompletionScript(
                    Outcomes.RemoveAt(removed),
                    [.. Order.RemoveAt(position).Select(i => i > removed ? i - 1 : i)],
                    Steps.RemoveAt(position));
            }
        }

        for (int i = 0; i < Steps.Length; i++)
        {
            if (Steps[i].Timing != SettleTiming.Now)
            {
                yield return this with { Steps = Steps.SetItem(i, Later.Now) };
            }
        }
    }

    public override string ToString() =>
        $"inputs [{string.Join(", ", Outcomes)}] settle in order [{string.Join(", ", Order)}] at [{string.Join(", ", Steps)}]";

    private void Step(PromiseWithResolvers<int>[] resolvers, int i)
    {
        if (i == Order.Length)
        {
            return;
        }

        Steps[i].Run(() =>
        {
            Outcomes[Order[i]].SettleWith(resolvers[Order[i]]);
            Step(resolvers, i + 1);
        });
    }
}
