using System.Collections.Immutable;
using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Support;
using static PromiseJs.PropertyTests.Generators.PromiseGenerators;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests;

/// <summary>Laws of Some, Map and Timeout over generated inputs and completion orders.</summary>
public sealed class UtilityLawsTests
{
    [PromiseProperty]
    public Property Some_AnyCompletionOrder_FulfillsWithTheFirstCountValuesOrRejectsOnceImpossible()
    {
        var cases =
            from script in CompletionScripts(Outcomes)
            from count in Gen.Choose(1, script.Outcomes.Length)
            select (Script: script, Count: count);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Script).Where(s => s.Outcomes.Length >= c.Count).Select(s => c with { Script = s }),
            .. (c.Count > 1 ? [c with { Count = c.Count - 1 }] : Array.Empty<(CompletionScript Script, int Count)>())], c =>
        {
            var (_, some) = InLoop(() => c.Script.Start(inputs => Promise.Some(inputs, c.Count)));

            // The model: walk the completion order; count values first, or too many rejections first.
            var values = new List<int>();
            var reasons = new List<int>();
            foreach (int index in c.Script.Order)
            {
                if (c.Script.Outcomes[index] is PromiseOutcome.Fulfilled f)
                {
                    values.Add(f.Value);
                    if (values.Count == c.Count)
                    {
                        break;
                    }
                }
                else
                {
                    reasons.Add(((PromiseOutcome.Rejected)c.Script.Outcomes[index]).Code);
                    if (reasons.Count > c.Script.Outcomes.Length - c.Count)
                    {
                        break;
                    }
                }
            }

            if (values.Count == c.Count)
            {
                Assert.Equal(PromiseState.Fulfilled, some.State);
                Assert.Equal(values, some.Value);
            }
            else
            {
                AggregateException reason = Assert.IsType<AggregateException>(some.Reason);
                Assert.Equal(reasons, reason.InnerExceptions.Select(e => ((LawException)e).Code));
            }
        });
    }

    [PromiseProperty]
    public Property Map_AnyItemsAndConcurrency_ValuesInInputOrderNeverMoreThanTheBoundInFlight()
    {
        var cases =
            from count in Gen.Choose(0, 6)
            from items in Gen.ArrayOf(FulfilledSettlements, count)
            from concurrency in Gen.Choose(1, 4)
            select (Items: items.ToImmutableArray(), Concurrency: concurrency);

        return ForAll(cases, c => [
            .. Enumerable.Range(0, c.Items.Length).Select(i => c with { Items = c.Items.RemoveAt(i) }),
            .. c.Items.Select((item, i) => Shrinks.Of(item).Select(smaller => c with { Items = c.Items.SetItem(i, smaller) })).SelectMany(x => x),
            .. (c.Concurrency > 1 ? [c with { Concurrency = c.Concurrency - 1 }] : Array.Empty<(ImmutableArray<Settlement> Items, int Concurrency)>())], c =>
        {
            int inFlight = 0;
            int maxInFlight = 0;
            int startedInsideTheCall = 0;
            Promise<int[]> mapped = InLoop(() =>
            {
                Promise<int[]> mapped = Promise.Map(c.Items, item =>
                {
                    inFlight++;
                    maxInFlight = Math.Max(maxInFlight, inFlight);
                    return item.Build().Finally(() => inFlight--);
                }, c.Concurrency);
                startedInsideTheCall = inFlight;
                return mapped;
            });

            Assert.Equal(PromiseState.Fulfilled, mapped.State);
            Assert.Equal(c.Items.Select(item => ((PromiseOutcome.Fulfilled)item.Outcome).Value), mapped.Value);
            Assert.InRange(maxInFlight, 0, c.Concurrency);
            Assert.Equal(Math.Min(c.Concurrency, c.Items.Length), startedInsideTheCall);
        });
    }

    [PromiseProperty]
    public Property Timeout_VirtualClock_SettlesAsThePromiseIfItIsFasterElseTimesOut()
    {
        var cases =
            from outcome in Outcomes
            from settleAfter in Gen.Choose(1, 6)
            from timeout in Gen.Choose(1, 6).Where(t => t != settleAfter)
            select (Outcome: outcome, SettleAfter: settleAfter, Timeout: timeout);

        return ForAll(cases, c => c.Outcome is PromiseOutcome.Fulfilled { Value: 0 } ? [] : [c with { Outcome = PromiseOutcome.Fulfill(0) }], c =>
        {
            // p.Timeout(t) ≡ p when p settles before t, else a TimeoutException at t.
            var (p, timed) = VirtualTime.InLoop(8, clock =>
            {
                Promise<int> p = Promise.Delay(TimeSpan.FromMilliseconds(c.SettleAfter), clock).Then(c.Outcome.ValueOrThrow);
                return (p, p.Timeout(TimeSpan.FromMilliseconds(c.Timeout), clock));
            });

            if (c.SettleAfter < c.Timeout)
            {
                Equivalence.AssertEquivalent(p, timed);
            }
            else
            {
                Assert.IsType<TimeoutException>(timed.Reason);
            }
        });
    }
}
