using System.Collections.Immutable;
using PromiseJs.Context;
using PromiseJs.PropertyTests.Support;

namespace PromiseJs.PropertyTests;

/// <summary>Laws of the promise tree over generated tree shapes: parentage, cancellation reaching exactly the
/// descendants, and <c>WhenChildren(recursive)</c> waiting for every descendant.</summary>
public sealed class ContextLawsTests
{
    // Node i's parent: -1 for the root, else an earlier node.
    private static readonly Gen<ImmutableArray<int>> s_shapes =
        from count in Gen.Choose(1, 8)
        from picks in Gen.ArrayOf(Gen.Choose(0, 1000), count)
        select picks.Select((pick, i) => (pick % (i + 1)) - 1).ToImmutableArray();

    private static readonly Arbitrary<ImmutableArray<int>> s_shapeArb = Arb.From(
        s_shapes,
        shape => shape.Length > 1 ? [shape.RemoveAt(shape.Length - 1)] : []);

    [PromiseProperty]
    public Property PromiseContext_GeneratedTree_ParentAndChildrenAreTheShape()
    {
        return Prop.ForAll(s_shapeArb, shape =>
        {
            var (root, nodes) = Build(shape);
            for (int i = 0; i < shape.Length; i++)
            {
                Assert.Same(shape[i] < 0 ? root : nodes[shape[i]], nodes[i].Parent);
                Assert.Equal(
                    Enumerable.Range(0, shape.Length).Where(j => shape[j] == i).Select(j => nodes[j].Name),
                    nodes[i].Children.Select(child => child.Name).Order());
            }

            Assert.Equal(
                Enumerable.Range(0, shape.Length).Where(j => shape[j] < 0).Select(j => nodes[j].Name),
                root.Children.Select(child => child.Name).Order());
            Complete(root, nodes);
        });
    }

    [PromiseProperty]
    public Property Cancel_AnyNodeOfATree_CancelsExactlyItAndItsDescendants()
    {
        var cases =
            from shape in s_shapes
            from cancelled in Gen.Choose(0, shape.Length - 1)
            select (Shape: shape, Cancelled: cancelled);

        return Prop.ForAll(Arb.From(cases, c => c.Cancelled < c.Shape.Length - 1 ? [c with { Shape = c.Shape.RemoveAt(c.Shape.Length - 1) }] : []), c =>
        {
            var (root, nodes) = Build(c.Shape);
            nodes[c.Cancelled].Cancel();
            for (int i = 0; i < c.Shape.Length; i++)
            {
                Assert.Equal(IsDescendantOrSelf(c.Shape, i, c.Cancelled), nodes[i].IsCancellationRequested);
                Assert.Equal(nodes[i].IsCancellationRequested, nodes[i].CancellationToken.IsCancellationRequested);
            }

            Assert.False(root.IsCancellationRequested);
            Complete(root, nodes);
        });
    }

    [PromiseProperty]
    public Property WhenChildren_Recursive_FulfillsOnlyAfterEveryDescendantIsDone()
    {
        var cases =
            from shape in s_shapes
            from delays in Gen.ArrayOf(Gen.Choose(1, 5), shape.Length)
            select (Shape: shape, Delays: delays.ToImmutableArray());

        return Prop.ForAll(Arb.From(cases, c => c.Shape.Length > 1 ? [(c.Shape.RemoveAt(c.Shape.Length - 1), c.Delays.RemoveAt(c.Delays.Length - 1))] : []), c =>
        {
            PromiseState[]? statesWhenDone = null;
            var (root, nodes) = VirtualTime.InLoop(6, clock =>
            {
                var (root, nodes) = Build(c.Shape);
                for (int i = 0; i < nodes.Length; i++)
                {
                    PromiseContext node = nodes[i];
                    Promise.Delay(TimeSpan.FromMilliseconds(c.Delays[i]), clock).Then(node.Complete);
                }

                root.WhenChildren(recursive: true).Then(() => statesWhenDone = [.. nodes.Select(node => node.State)]);
                return (root, nodes);
            });

            Assert.NotNull(statesWhenDone);
            Assert.All(statesWhenDone, state => Assert.NotEqual(PromiseState.Pending, state));
            root.Complete();
        });
    }

    private static (PromiseContext Root, PromiseContext[] Nodes) Build(ImmutableArray<int> shape)
    {
        var root = new PromiseContext(new() { Name = "root", Orphan = true });
        var nodes = new PromiseContext[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            nodes[i] = new PromiseContext(new() { Name = $"c{i}", Parent = shape[i] < 0 ? root : nodes[shape[i]] });
        }

        return (root, nodes);
    }

    private static bool IsDescendantOrSelf(ImmutableArray<int> shape, int node, int ancestor)
    {
        for (int at = node; at >= 0; at = shape[at])
        {
            if (at == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static void Complete(PromiseContext root, PromiseContext[] nodes)
    {
        for (int i = nodes.Length - 1; i >= 0; i--)
        {
            nodes[i].Complete();
        }

        root.Complete();
    }
}
