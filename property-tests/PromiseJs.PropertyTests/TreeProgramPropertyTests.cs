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

    // Promise.Run(() => promise) adopts with JavaScript's two jobs, so programs with Run nodes keep the exact order too.
    [Fact]
    public void Program_WithPromiseRun_HandlerCallsInTheModelsExactOrder() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(PromisePropertyAttribute.DefaultCases * PromisePropertyAttribute.Scale),
            Prop.ForAll(TreeGenerators.WithPromiseRunArb, program => TreeChecks.HandlerLogMatchesModel(PromiseOperations.Real, program)));

    [PromiseProperty]
    public void APlus_2_1_And_2_3_EveryNode_SettlesOnceAsItsModel(TreeProgram program) =>
        TreeChecks.OutcomesMatchModel(PromiseOperations.Real, program);

    // Order-free nodes only, over the same programs: kept beside the exact-order check above, which implies it, because it
    // also holds for any tick count Promise.Run could take (it was the check that stayed green while Run took no jobs).
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
