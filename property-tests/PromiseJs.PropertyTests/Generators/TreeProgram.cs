using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated promise program: nodes built in order, each a promise made from earlier ones. It prints one node
/// per line (<c>n3 = n1.Then(x => x + 2)</c>) and shrinks by dropping the last node or by making a node a settled source.</summary>
public sealed record TreeProgram(ImmutableArray<TreeNode> Nodes)
{
    /// <summary>Gets whether any node uses a virtual-time timer.</summary>
    public bool UsesTimers => ToString().Contains("Delay(", StringComparison.Ordinal);

    /// <summary>Smaller programs: without the last node, with a node replaced by a settled source, or with moments made "now".</summary>
    public IEnumerable<TreeProgram> Shrink()
    {
        if (Nodes.Length > 1)
        {
            yield return new TreeProgram(Nodes.RemoveAt(Nodes.Length - 1));
        }

        for (int i = Nodes.Length - 1; i >= 0; i--)
        {
            if (Nodes[i] is not TreeNode.Source)
            {
                yield return new TreeProgram(Nodes.SetItem(i, new TreeNode.Source(new TreeValue.Fulfilled(0), Moment.Now)));
            }
            else if (Nodes[i] is TreeNode.Source { When.IsImmediate: false } source)
            {
                yield return new TreeProgram(Nodes.SetItem(i, source with { When = Moment.Now }));
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, Nodes.Select((node, i) => $"n{i} = {node}").Prepend(""));
}
