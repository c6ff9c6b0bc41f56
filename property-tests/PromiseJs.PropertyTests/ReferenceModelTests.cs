using System.Collections.Immutable;
using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Interpreter;
using PromiseJs.PropertyTests.Model;

namespace PromiseJs.PropertyTests;

/// <summary>The reference model itself, pinned to node's output: each program is a puzzle of
/// <c>tests/PromiseJs.Tests/Scheduling/PromiseLoopOrderingTests.cs</c> (whose JavaScript and node 20 output sit there),
/// written as a tree program; the model must log node's order, and so must the library.</summary>
public sealed class ReferenceModelTests
{
    private static readonly TreeHandler s_identity = new TreeHandler.Value(new IntFunction.Add(0));

    [Fact]
    public void Model_HandlerReturnsPromise_TakesTwoExtraJobsAsInNode()
    {
        // node: 0 1 2 3 4 5 6 — "0" is n1, "4" is n2, the chain 1 2 3 5 6 is n4…n8.
        TreeProgram program = Program([
            Source(0),
            new TreeNode.Then(0, new TreeHandler.ReturnFresh(new TreeValue.Fulfilled(4), Moment.Now), null),
            new TreeNode.Then(1, s_identity, null),
            .. Chain(3, 5)]);

        AssertLogs(program, "n1:f(0)", "n4:f(0)", "n5:f(0)", "n6:f(0)", "n2:f(4)", "n7:f(0)", "n8:f(0)");
    }

    [Fact]
    public void Model_Finally_PassesTheValueOnThreeJobsLaterAsInNode()
    {
        // node: finally t1 t2 t3 "after finally v" t4 t5.
        TreeProgram program = Program([
            Source(1),
            new TreeNode.Finally(0, new FinallyBody.Returns()),
            new TreeNode.Then(1, s_identity, null),
            .. Chain(3, 5)]);

        AssertLogs(program, "n1:fin", "n4:f(0)", "n5:f(0)", "n6:f(0)", "n2:f(1)", "n7:f(0)", "n8:f(0)");
    }

    [Fact]
    public void Model_AllOfSettledInputs_SettlesOneJobAfterTheirReactionsAsInNode()
    {
        // node: t1 "all a,b" t2 t3.
        TreeProgram program = Program([
            Source(1),
            Source(2),
            new TreeNode.Combine(CombinatorKind.All, [0, 1], 0),
            .. Chain(3, 3)]);

        AssertLogs(program, "n4:f(0)", "n2:fold", "n5:f(0)", "n6:f(0)");
    }

    [Fact]
    public void Model_CatchAfterSkippedThens_EachSkippedThenTakesAJobAsInNode()
    {
        // node: t1 t2 "caught boom" t3 "after catch" t4 t5.
        TreeProgram program = Program([
            new TreeNode.Source(new TreeValue.Rejected(7), Moment.Now),
            new TreeNode.Then(0, s_identity, null),
            new TreeNode.Then(1, s_identity, null),
            new TreeNode.Catch(2, new TreeHandler.Value(new IntFunction.Constant(0))),
            new TreeNode.Then(3, s_identity, null),
            .. Chain(5, 5)]);

        AssertLogs(program, "n6:f(0)", "n7:f(0)", "n3:r(7)", "n8:f(0)", "n4:f(0)", "n9:f(0)", "n10:f(0)");
    }

    [Fact]
    public void Model_AwaitOfSettledPromises_ResumesOneJobLaterAsInNode()
    {
        // node: "f after await 1" p1 "f after await 2" p2 p3 (f's second await is n2 awaiting n1).
        TreeProgram program = Program([
            Source(0),
            new TreeNode.Await(0, new IntFunction.Add(0)),
            new TreeNode.Await(1, new IntFunction.Add(0)),
            .. Chain(3, 3)]);

        AssertLogs(program, "n1:aw(0)", "n4:f(0)", "n2:aw(0)", "n5:f(0)", "n6:f(0)");
    }

    private static TreeNode.Source Source(int value) => new TreeNode.Source(new TreeValue.Fulfilled(value), Moment.Now);

    // A source at index `at` and `length` identity Thens chained on it (the "t1 t2 …" counter of the puzzles).
    private static TreeNode[] Chain(int at, int length) =>
        [Source(0), .. Enumerable.Range(at, length).Select(parent => (TreeNode)new TreeNode.Then(parent, s_identity, null))];

    private static TreeProgram Program(TreeNode[] nodes) => new([.. nodes]);

    private static void AssertLogs(TreeProgram program, params string[] expected)
    {
        Assert.Equal(expected, ReferenceModel.Run(program).Log);
        Assert.Equal(expected, TreeRun.OnLoop(program).Log);
    }
}
