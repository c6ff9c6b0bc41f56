using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Interpreter;
using PromiseJs.PropertyTests.Support;

namespace PromiseJs.PropertyTests;

/// <summary>Generated promise programs — trees of sources, Then/Catch/Finally handlers of every shape, async methods and
/// combinators, with many consumers per promise — against the reference model of ECMAScript's job rules
/// (<see cref="Model.ReferenceModel"/>).</summary>
public sealed class TreeProgramPropertyTests
{
    [PromiseProperty]
    public void Program_OnTheLoop_HandlerCallsInTheModelsExactOrder(TreeProgram program) =>
        TreeChecks.HandlerLogMatchesModel(PromiseOperations.Real, program);

    // A plain fact, so the skip shows in the run's counts (FsCheck.Xunit does not report a skipped property).
    [Fact(Skip = "Known deviation, reported: Promise.Run(() => promise) adopts the returned promise with no job at all (it " +
        "settles as that promise settles); a JavaScript async function returning a promise takes two jobs more.")]
    public void Program_WithPromiseRun_HandlerCallsInTheModelsExactOrder() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(PromisePropertyAttribute.DefaultCases * PromisePropertyAttribute.Scale),
            Prop.ForAll(TreeGenerators.WithPromiseRunArb, program => TreeChecks.HandlerLogMatchesModel(PromiseOperations.Real, program)));

    [PromiseProperty]
    public void APlus_2_1_And_2_3_EveryNode_SettlesOnceAsItsModel(TreeProgram program) =>
        TreeChecks.OutcomesMatchModel(PromiseOperations.Real, program);

    // Order-free nodes only: with Promise.Run's missing jobs, "first in time" (Race, Any, Some, All's rejection) can differ.
    [PromiseProperty]
    public Property Program_WithPromiseRun_OrderFreeOutcomesAsTheModel() =>
        Prop.ForAll(TreeGenerators.WithPromiseRunArb, program => TreeChecks.OrderFreeOutcomesMatchModel(PromiseOperations.Real, program));

    [PromiseProperty]
    public void APlus_2_2_Handlers_RunOnceNeverInsideThenInAttachmentOrder(TreeProgram program) =>
        TreeChecks.HandlersRunOnceAfterTheBuildInAttachmentOrder(PromiseOperations.Real, program);

    [PromiseProperty(50)]
    public Property Program_OnTheThreadPool_OrderFreeOutcomesAsTheModel() =>
        Prop.ForAll(TreeGenerators.OrderFreeProgramArb, TreeChecks.OutcomesOnThreadPoolMatchModel);
}
