using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Interpreter;
using PromiseJs.PropertyTests.Model;

namespace PromiseJs.PropertyTests.Support;

/// <summary>The checks of the tree properties, written against <see cref="PromiseOperations"/> so that the mutant tests
/// can run the very same checks against broken variants. Each throws (an xunit assertion) on a counterexample.</summary>
internal static class TreeChecks
{
    /// <summary>Every node settles, and as the model says (A+ 2.1: once, and never to another state or value; 2.3: adoption
    /// of promises, thenables and tasks, self-resolution).</summary>
    public static void OutcomesMatchModel(PromiseOperations operations, TreeProgram program)
    {
        ReferenceModel model = ReferenceModel.Run(program);
        TreeRun run = TreeRun.OnLoop(program, operations);
        AssertOutcomes(model, run, onlyOrderFree: false);
    }

    /// <summary>On the loop, every node whose outcome does not depend on the order of jobs settles as the model says (for
    /// programs with <c>Promise.Run</c>, whose job count differs from JavaScript's: see the skipped order property).</summary>
    public static void OrderFreeOutcomesMatchModel(PromiseOperations operations, TreeProgram program)
    {
        ReferenceModel model = ReferenceModel.Run(program);
        TreeRun run = TreeRun.OnLoop(program, operations);
        AssertOutcomes(model, run, onlyOrderFree: true);
    }

    /// <summary>The exact sequence of handler calls (with their arguments) is the model's.</summary>
    public static void HandlerLogMatchesModel(PromiseOperations operations, TreeProgram program)
    {
        ReferenceModel model = ReferenceModel.Run(program);
        TreeRun run = TreeRun.OnLoop(program, operations);
        if (!model.Log.SequenceEqual(run.Log))
        {
            Assert.Fail($"Handler calls differ from the model.\n model: {string.Join(" ", model.Log)}\nactual: {string.Join(" ", run.Log)}");
        }

        AssertOutcomes(model, run, onlyOrderFree: false);
    }

    /// <summary>A+ 2.2.2, 2.2.3, 2.2.4, 2.2.6: no handler runs inside the call that attaches it, each runs at most once,
    /// and the handlers of one promise run in the order they were attached.</summary>
    public static void HandlersRunOnceAfterTheBuildInAttachmentOrder(PromiseOperations operations, TreeProgram program)
    {
        TreeRun run = TreeRun.OnLoop(program, operations);
        Assert.Empty(run.CalledDuringBuild);
        IReadOnlyList<string> log = run.Log;
        Assert.Equal(log.Count, log.Distinct().Count());

        // Direct consumers of one promise, in attachment (node) order; their first calls must come in that order.
        var firstCall = new Dictionary<int, int>();
        for (int position = 0; position < log.Count; position++)
        {
            int node = int.Parse(log[position].AsSpan(1, log[position].IndexOf(':', StringComparison.Ordinal) - 1), System.Globalization.CultureInfo.InvariantCulture);
            if (!log[position].EndsWith(":thenable", StringComparison.Ordinal))
            {
                firstCall.TryAdd(node, position);
            }
        }

        var consumers = new Dictionary<int, List<int>>();
        for (int i = 0; i < program.Nodes.Length; i++)
        {
            if (program.Nodes[i] switch
            {
                TreeNode.Then t => t.Parent,
                TreeNode.Catch c => c.Parent,
                TreeNode.Finally f => f.Parent,
                TreeNode.Await a => a.Parent,
                TreeNode.Run r => r.Parent,
                _ => -1,
            } is var parent and >= 0)
            {
                (consumers.TryGetValue(parent, out List<int>? list) ? list : consumers[parent] = []).Add(i);
            }
        }

        foreach ((int parent, List<int> list) in consumers)
        {
            int[] called = [.. list.Where(firstCall.ContainsKey)];
            int[] inCallOrder = [.. called.OrderBy(i => firstCall[i])];
            Assert.True(called.SequenceEqual(inCallOrder), $"The handlers of n{parent} ran in the order [{string.Join(", ", inCallOrder.Select(i => $"n{i}"))}], attached as [{string.Join(", ", called.Select(i => $"n{i}"))}].");
        }
    }

    /// <summary>On the thread-pool scheduler, every node whose outcome does not depend on job order settles as the model says.</summary>
    public static void OutcomesOnThreadPoolMatchModel(TreeProgram program)
    {
        ReferenceModel model = ReferenceModel.Run(program);
        TreeRun run = TreeRun.OnThreadPool(program);
        AssertOutcomes(model, run, onlyOrderFree: true);
    }

    private static void AssertOutcomes(ReferenceModel model, TreeRun run, bool onlyOrderFree)
    {
        IReadOnlyList<ModelOutcome?> actual = run.Outcomes;
        for (int i = 0; i < actual.Count; i++)
        {
            if (onlyOrderFree && model.OrderDependent[i])
            {
                continue;
            }

            if (!Equals(model.Outcomes[i], actual[i]))
            {
                Assert.Fail($"n{i} is {actual[i]?.ToString() ?? "pending"}; the model says {model.Outcomes[i]}.\nhandler calls: {string.Join(" ", run.Log)}\n model calls: {string.Join(" ", model.Log)}");
            }
        }
    }
}
