using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated promise program: nodes built in order, each a promise made from earlier ones. It prints one node
/// per line (<c>n3 = n1.Then(x => x + 2)</c>) and shrinks by dropping a node nothing uses or by making a node a settled
/// source.</summary>
public sealed record TreeProgram(ImmutableArray<TreeNode> Nodes)
{
    /// <summary>Smaller programs: without a node that no later node uses, with a node replaced by a settled source, or with
    /// a source settled now.</summary>
    public IEnumerable<TreeProgram> Shrink()
    {
        for (int i = Nodes.Length - 1; i >= 0 && Nodes.Length > 1; i--)
        {
            int removed = i;
            if (!Nodes.Skip(removed + 1).Any(node => node.Inputs.Contains(removed)))
            {
                yield return new TreeProgram([.. Nodes.RemoveAt(removed).Select(node => Renumber(node, n => n > removed ? n - 1 : n))]);
            }
        }

        for (int i = Nodes.Length - 1; i >= 0; i--)
        {
            if (Nodes[i] is not TreeNode.Source)
            {
                foreach (TreeNode simpler in Simpler(Nodes[i]))
                {
                    yield return new TreeProgram(Nodes.SetItem(i, simpler));
                }

                yield return new TreeProgram(Nodes.SetItem(i, new TreeNode.Source(new TreeValue.Fulfilled(0), Moment.Now)));
            }
            else if (Nodes[i] is TreeNode.Source { When.IsImmediate: false } source)
            {
                yield return new TreeProgram(Nodes.SetItem(i, source with { When = Moment.Now }));
            }
        }
    }

    // The same node with simpler parts: a value handler, no onRejected, a plain Finally, a combinator of fewer inputs.
    private static IEnumerable<TreeNode> Simpler(TreeNode node)
    {
        var identity = new TreeHandler.Value(new IntFunction.Add(0));
        switch (node)
        {
            case TreeNode.Then then when then.OnRejected is not null || then.OnFulfilled != identity:
                if (then.OnRejected is not null)
                {
                    yield return then with { OnRejected = null };
                }

                yield return new TreeNode.Then(then.Parent, identity, null);
                break;
            case TreeNode.Catch @catch when @catch.OnRejected is not TreeHandler.Value:
                yield return @catch with { OnRejected = new TreeHandler.Value(new IntFunction.Constant(0)) };
                break;
            case TreeNode.Finally { Body: not FinallyBody.Returns } @finally:
                yield return @finally with { Body = new FinallyBody.Returns() };
                break;
            case TreeNode.Combine { Of.Length: > 1 } combine:
                for (int i = 0; i < combine.Of.Length; i++)
                {
                    yield return combine with { Of = combine.Of.RemoveAt(i), Count = Math.Min(combine.Count, combine.Of.Length - 1) };
                }

                break;
        }
    }

    private static TreeNode Renumber(TreeNode node, Func<int, int> map) => node switch
    {
        TreeNode.Then then => new TreeNode.Then(map(then.Parent), Renumber(then.OnFulfilled, map)!, Renumber(then.OnRejected, map)),
        TreeNode.Catch @catch => new TreeNode.Catch(map(@catch.Parent), Renumber(@catch.OnRejected, map)!),
        TreeNode.Finally @finally => @finally with { Parent = map(@finally.Parent) },
        TreeNode.Await await => await with { Parent = map(await.Parent) },
        TreeNode.Run run => run with { Parent = map(run.Parent) },
        TreeNode.Combine combine => combine with { Of = [.. combine.Of.Select(map)] },
        _ => node,
    };

    private static TreeHandler? Renumber(TreeHandler? handler, Func<int, int> map) =>
        handler is TreeHandler.ReturnNode returned ? new TreeHandler.ReturnNode(map(returned.Node)) : handler;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, Nodes.Select((node, i) => $"n{i} = {node}").Prepend(""));
}
