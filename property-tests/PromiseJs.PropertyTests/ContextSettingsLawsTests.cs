using System.Collections.Immutable;
using PromiseJs.Context;
using PromiseJs.Scheduling;
using PromiseJs.PropertyTests.Support;

namespace PromiseJs.PropertyTests;

/// <summary>Settings of the promise tree are frozen at creation: a node's start policy, children policy and scheduler
/// follow the README's rules from what its options, its parent and the global default were when it was created, and
/// changing the global default afterwards changes no existing node. It changes the process-wide
/// <see cref="PromiseContext.DefaultStart"/>, so it runs alone (<see cref="GlobalSettingsGroup"/>).</summary>
[Collection(GlobalSettingsGroup.Name)]
public sealed class ContextSettingsLawsTests
{
    private static readonly PromiseScheduler s_custom = PromiseScheduler.FromTaskScheduler(TaskScheduler.Default);

    private static readonly PromiseStart?[] s_settings =
        [null, PromiseStart.Default, PromiseStart.Inherit, PromiseStart.Eager, PromiseStart.Lazy];

    private static readonly Gen<ImmutableArray<NodeSettings>> s_trees =
        from count in Gen.Choose(1, 7)
        from nodes in Gen.ArrayOf(
            from parentPick in Gen.Choose(0, 1000)
            from start in Gen.Elements(s_settings)
            from childrenStart in Gen.Elements(s_settings)
            from scheduler in Gen.Choose(0, 2)
            from defaultBefore in Gen.Elements(PromiseStart.Eager, PromiseStart.Lazy)
            select new NodeSettings(parentPick, start, childrenStart, scheduler, defaultBefore),
            count)
        select nodes.Select((node, i) => node with { Parent = (node.Parent % (i + 1)) - 1 }).ToImmutableArray();

    [PromiseProperty]
    public Property PromiseContext_AnyTreeOfSettings_ResolvesThemAtCreationAndKeepsThem()
    {
        return Prop.ForAll(Arb.From(s_trees, tree => tree.Length > 1 ? [tree.RemoveAt(tree.Length - 1)] : []), tree =>
        {
            PromiseStart original = PromiseContext.DefaultStart;
            var root = new PromiseContext(new() { Name = "root", Orphan = true });
            var nodes = new PromiseContext[tree.Length];
            var expected = new (PromiseStart Start, PromiseStart? ChildrenStart, PromiseScheduler Scheduler)[tree.Length];
            try
            {
                for (int i = 0; i < tree.Length; i++)
                {
                    NodeSettings s = tree[i];
                    PromiseContext parent = s.Parent < 0 ? root : nodes[s.Parent];
                    PromiseContext.DefaultStart = s.DefaultBefore;
                    PromiseScheduler? scheduler = s.Scheduler switch
                    {
                        1 => PromiseScheduler.ThreadPool,
                        2 => s_custom,
                        _ => null,
                    };
                    nodes[i] = new PromiseContext(new()
                    {
                        Name = $"c{i}",
                        Parent = parent,
                        Start = s.Start,
                        ChildrenStart = s.ChildrenStart,
                        Scheduler = scheduler,
                    });

                    // The README's rules, from what was true at creation.
                    PromiseStart start = s.Start switch
                    {
                        null => parent.ChildrenStart ?? s.DefaultBefore,
                        PromiseStart.Default => s.DefaultBefore,
                        PromiseStart.Inherit => parent.Start,
                        { } policy => policy,
                    };
                    PromiseStart? childrenStart = s.ChildrenStart switch
                    {
                        null => parent.ChildrenStart,
                        PromiseStart.Default => s.DefaultBefore,
                        PromiseStart.Inherit => start,
                        { } policy => policy,
                    };
                    expected[i] = (start, childrenStart, scheduler ?? parent.Scheduler);
                }

                // Flip the global default: nothing that exists may change.
                PromiseContext.DefaultStart = PromiseContext.DefaultStart == PromiseStart.Eager ? PromiseStart.Lazy : PromiseStart.Eager;
                for (int i = 0; i < tree.Length; i++)
                {
                    Assert.Equal(expected[i].Start, nodes[i].Start);
                    Assert.Equal(expected[i].ChildrenStart, nodes[i].ChildrenStart);
                    Assert.Same(expected[i].Scheduler, nodes[i].Scheduler);
                }
            }
            finally
            {
                PromiseContext.DefaultStart = original;
                foreach (PromiseContext node in nodes.Reverse())
                {
                    node?.Complete();
                }

                root.Complete();
            }
        });
    }

    /// <summary>One generated node: its parent (an earlier node, or -1 for the root), its options, and the global default
    /// at its creation.</summary>
    private sealed record NodeSettings(int Parent, PromiseStart? Start, PromiseStart? ChildrenStart, int Scheduler, PromiseStart DefaultBefore);
}
