using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Support;
using static PromiseJs.PropertyTests.Generators.PromiseGenerators;
using static PromiseJs.PropertyTests.Support.Equivalence;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests;

/// <summary>Laws of All, AllSettled, Any and Race: singletons, input order against any completion order, and which
/// settlement wins.</summary>
public sealed class CombinatorLawsTests
{
    [PromiseProperty]
    public Property All_OfOnePromise_BehavesAsThenWrappingTheValueInAnArray()
    {
        return ForAll(ProgramArb, program =>
        {
            // Promise.All(p) ≡ p.Then(x => new[] { x })
            var (all, wrapped) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (Promise.All(p), p.Then(x => new[] { x }));
            });
            AssertEquivalent(wrapped, all);
        });
    }

    [PromiseProperty]
    public Property All_AnyCompletionOrder_FulfillsWithTheValuesInInputOrder()
    {
        return ForAll(CompletionScripts(Fulfillments), s => s.Shrink(), script =>
        {
            var (_, all) = InLoop(() => script.Start(Promise.All));

            int[] expected = [.. script.Outcomes.Select(outcome => ((PromiseOutcome.Fulfilled)outcome).Value)];
            AssertEquivalent(Observation.Fulfilled(expected), Observation.Of(all));
        });
    }

    [PromiseProperty]
    public Property All_SomeInputsReject_RejectsWithTheFirstRejectionInTime()
    {
        static bool SomeReject(CompletionScript script) => script.Outcomes.Any(outcome => outcome is PromiseOutcome.Rejected);
        Gen<CompletionScript> scripts = CompletionScripts(Outcomes).Where(SomeReject);

        return ForAll(scripts, s => s.Shrink(), script =>
        {
            var (inputs, all) = InLoop(() => script.Start(Promise.All));

            int first = script.FirstToSettle(outcome => outcome is PromiseOutcome.Rejected);
            Assert.Equal(PromiseState.Rejected, all.State);
            Assert.Same(inputs[first].Reason, all.Reason);
        }, SomeReject);
    }

    [PromiseProperty]
    public Property AllSettled_AnyInputs_FulfillsWithOneMatchingResultPerInputInOrder()
    {
        var cases =
            from count in Gen.Choose(0, 5)
            from programs in Gen.ArrayOf(Programs, count)
            select programs;

        return ForAll(cases, programs => Enumerable.Range(0, programs.Length).Select(i => programs.Where((_, j) => j != i).ToArray()), programs =>
        {
            var (inputs, settled) = InLoop(() =>
            {
                Promise<int>[] inputs = [.. programs.Select(program => program.Build())];
                return (inputs, Promise.AllSettled(inputs));
            });

            // Never rejects, whatever the inputs do.
            Assert.Equal(PromiseState.Fulfilled, settled.State);
            PromiseSettledResult<int>[] results = settled.Value;
            Assert.Equal(inputs.Length, results.Length);
            for (int i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(inputs[i].State, results[i].Status);
                Assert.Equal(programs[i].Model().ToObservation().State, results[i].Status);
                if (results[i].Status == PromiseState.Fulfilled)
                {
                    Assert.Equal(inputs[i].Value, results[i].Value);
                    Assert.Null(results[i].Reason);
                }
                else
                {
                    Assert.Same(inputs[i].Reason, results[i].Reason);
                    Assert.Equal(default, results[i].Value);
                }
            }
        });
    }

    [PromiseProperty]
    public Property Race_OfOnePromise_BehavesAsThatPromise()
    {
        return ForAll(ProgramArb, program =>
        {
            // Promise.Race(p) ≡ p
            var (p, race) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, Promise.Race(p));
            });
            AssertEquivalent(p, race);
        });
    }

    [PromiseProperty]
    public Property Race_AnyCompletionOrder_SettlesAsTheFirstInputToSettle()
    {
        return ForAll(CompletionScripts(Outcomes), s => s.Shrink(), script =>
        {
            var (inputs, race) = InLoop(() => script.Start(Promise.Race));

            Promise<int> first = inputs[script.Order[0]];
            AssertEquivalent(first, race);
            Assert.Same(first.Reason, race.Reason);
        });
    }

    [PromiseProperty]
    public Property Any_AllInputsReject_RejectsWithTheReasonsInInputOrder()
    {
        return ForAll(CompletionScripts(Rejections), s => s.Shrink(), script =>
        {
            var (inputs, any) = InLoop(() => script.Start(Promise.Any));

            AggregateException reason = Assert.IsType<AggregateException>(any.Reason);
            Assert.Equal(inputs.Length, reason.InnerExceptions.Count);
            for (int i = 0; i < inputs.Length; i++)
            {
                Assert.Same(inputs[i].Reason, reason.InnerExceptions[i]);
            }
        });
    }

    [PromiseProperty]
    public Property Any_SomeInputsFulfill_FulfillsWithTheFirstFulfillmentInTime()
    {
        static bool SomeFulfill(CompletionScript script) => script.Outcomes.Any(outcome => outcome is PromiseOutcome.Fulfilled);
        Gen<CompletionScript> scripts = CompletionScripts(Outcomes).Where(SomeFulfill);

        return ForAll(scripts, s => s.Shrink(), script =>
        {
            var (_, any) = InLoop(() => script.Start(Promise.Any));

            int first = script.FirstToSettle(outcome => outcome is PromiseOutcome.Fulfilled);
            AssertEquivalent(script.Outcomes[first].ToObservation(), Observation.Of(any));
        }, SomeFulfill);
    }
}
