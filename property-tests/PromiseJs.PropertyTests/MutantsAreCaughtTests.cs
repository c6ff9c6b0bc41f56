using Microsoft.FSharp.Core;
using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Interpreter;
using PromiseJs.PropertyTests.Mutants;
using PromiseJs.PropertyTests.Support;

namespace PromiseJs.PropertyTests;

/// <summary>Each property can fail: run against a deliberately broken variant of the library (a wrapper in
/// <c>Mutants/</c>, built on the real library, never shipped), the property finds a counterexample. The runs use fixed
/// seeds and a fixed budget, so each test is deterministic.</summary>
public sealed class MutantsAreCaughtTests
{
    private const int Budget = 300;

    [Fact]
    public void AdoptionShortcut_TheOriginalComplaint_IsCaughtByTheHandlerOrder() =>
        AssertCaught(new AdoptionShortcutOperations(), TreeChecks.HandlerLogMatchesModel);

    [Fact]
    public void FinallyIgnoringItsCallbacksRejection_IsCaughtByTheOutcomes() =>
        AssertCaught(new FinallySwallowsRejectionOperations(), TreeChecks.OutcomesMatchModel);

    [Fact]
    public void HandlersInReverseOrder_AreCaughtByTheAttachmentOrderProperty() =>
        AssertCaught(new ReverseOrderOperations(), TreeChecks.HandlersRunOnceAfterTheBuildInAttachmentOrder);

    [Fact]
    public void HandlersInReverseOrder_AreCaughtByTheHandlerOrder() =>
        AssertCaught(new ReverseOrderOperations(), TreeChecks.HandlerLogMatchesModel);

    [Fact]
    public void HandlerRunInsideThen_IsCaughtByTheAttachmentProperty() =>
        AssertCaught(new SynchronousHandlerOperations(), TreeChecks.HandlersRunOnceAfterTheBuildInAttachmentOrder);

    [Fact]
    public void RejectionNotPassedThrough_IsCaughtByTheOutcomes() =>
        AssertCaught(new PassThroughSwallowsRejectionOperations(), TreeChecks.OutcomesMatchModel);

    [Fact]
    public void SettledPromiseChangingItsValue_IsCaughtBySettleOnce()
    {
        var mutant = new SettledValueChangesOperations();
        AssertFalsified(mutant, Prop.ForAll(Arb.From(PromiseGenerators.SettleScripts), script => SettleChecks.SettlesOnceWithTheFirstCall(mutant, script)));
    }

    [Fact]
    public void RealLibrary_SameChecksAndSeeds_FindNoCounterexample()
    {
        // The control: the budget and seeds above falsify the mutants, not the checks themselves.
        PromiseOperations real = PromiseOperations.Real;
        Check.One(Configuration(), Prop.ForAll(TreeGenerators.ProgramArb, program =>
        {
            TreeChecks.HandlerLogMatchesModel(real, program);
            TreeChecks.HandlersRunOnceAfterTheBuildInAttachmentOrder(real, program);
        }));
        Check.One(Configuration(), Prop.ForAll(Arb.From(PromiseGenerators.SettleScripts), script => SettleChecks.SettlesOnceWithTheFirstCall(real, script)));
    }

    private static void AssertCaught(PromiseOperations mutant, Action<PromiseOperations, TreeProgram> check) =>
        AssertFalsified(mutant, Prop.ForAll(TreeGenerators.ProgramArb, program => check(mutant, program)));

    private static void AssertFalsified(PromiseOperations mutant, Property property)
    {
        Exception? failure = Record.Exception(() => Check.One(Configuration(), property));
        Assert.True(failure is not null, $"No counterexample found against the mutant '{mutant}' in {Budget} cases.");
        Assert.Contains("Falsifiable", failure.Message, StringComparison.Ordinal);
    }

    private static Config Configuration() => Config.QuickThrowOnFailure
        .WithMaxTest(Budget)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261203UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
