namespace PromiseJs.Tests.Context.Support;

/// <summary>Lets a <see cref="PromiseLoop"/> settle what is already in motion: the returned promise fulfills after a
/// <c>SetImmediate</c> task, that is after the microtask queue (and every microtask it queued) has drained.</summary>
/// <remarks>Built with <c>Then</c> only, never an <c>async Promise</c> method: waiting must not add a node to the tree
/// under test.</remarks>
internal static class LoopTurn
{
    public static Promise Next() => new((resolve, _) => PromiseLoop.SetImmediate(resolve));

    /// <summary>Several turns: for chains that hop through posted tasks (task continuations) as well as microtasks.</summary>
    public static Promise Several(int turns = 3)
    {
        Promise result = Next();
        for (int i = 1; i < turns; i++)
        {
            result = result.Then(() => Next());
        }

        return result;
    }
}
