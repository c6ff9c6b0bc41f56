using System.Reflection;
using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Tests.Context.Support;

namespace PromiseJs.Tests.Context;

/// <summary>
/// Memory and cost of the tree, by structure and allocation rather than time: settled children drop out of their parent,
/// so a long-lived context that has run a million short children holds only the live ones; plain promises carry no tree
/// fields.
/// </summary>
[Collection(PromiseJs.Tests.Reliability.HeapMeasurements.Name)]
public sealed class ContextMemoryTests
{
    private const int ChildCount = 1_000_000;
    private const int BatchSize = 10_000;
    private const int LiveChildren = 3;

    [Fact]
    public void LongLivedContext_OneMillionShortChildren_HoldsOnlyTheLiveOnes()
    {
        var live = Promise.WithResolvers();
        PromiseContext? root = null;
        long before = 0;
        long after = 0;
        IReadOnlyList<PromiseContext>? childrenAfter = null;

        PromiseLoop.Run(async () =>
        {
            // Created inside the loop, so its scheduler (inherited by every child) is the loop.
            root = new PromiseContext(new() { Name = "long-lived" });
            var options = new PromiseContextOptions { Parent = root };
            for (int i = 0; i < LiveChildren; i++)
            {
                _ = Promise.Run(() => live.Promise, options);
            }

            // Warm up: JIT, the loop's queues at their working size.
            await RunBatch(root, options);
            before = GC.GetTotalMemory(forceFullCollection: true);

            for (int started = 0; started < ChildCount; started += BatchSize)
            {
                await RunBatch(root, options);
            }

            after = GC.GetTotalMemory(forceFullCollection: true);
            childrenAfter = root.Children;
            live.Resolve();
        });

        Assert.Equal(LiveChildren, childrenAfter!.Count);
        Assert.Empty(root!.Children);
        Assert.True(after - before < 1_000_000, $"The heap grew by {after - before:N0} bytes over {ChildCount:N0} short children.");
    }

    [Fact]
    public void SettledChild_IsNoLongerReferencedByItsParent()
    {
        var parent = new PromiseContext();

        WeakReference child = StartAndSettleChild(parent);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(child.IsAlive);
        Assert.Empty(parent.Children);
    }

    [Fact]
    public void PlainPromises_CarryNoTreeFields()
    {
        Type[] promiseTypes = [typeof(Promise), typeof(Promise<int>), typeof(Promise<string>)];

        foreach (Type type in promiseTypes)
        {
            for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    Assert.False(
                        field.FieldType.Namespace == typeof(PromiseContext).Namespace,
                        $"{current.Name}.{field.Name} is a {field.FieldType.Name}: plain promises should not carry the tree.");
                }
            }
        }
    }

    [Fact]
    public void ChainingInsideANode_AddsNoChildren()
    {
        PromiseContext? node = null;
        int childrenAfterChaining = -1;

        PromiseLoop.Run(() => Promise.Run(async () =>
        {
            node = PromiseContext.Current;
            Promise<int> chain = Promise.Resolve(0);
            for (int i = 0; i < 1_000; i++)
            {
                chain = chain.Then(x => x + 1);
            }

            childrenAfterChaining = node!.Children.Count;
            return await chain;
        }));

        Assert.Equal(0, childrenAfterChaining);
    }

    // A batch of short children under the root: async Promise methods that suspend once (nodes that stay pending for a
    // turn) and Promise.Run calls returning a settled promise (adopted two jobs later, as in JavaScript). The batch is over
    // when every child has finished.
    private static Promise RunBatch(PromiseContext root, PromiseContextOptions options)
    {
        var batch = new BatchCountdown(BatchSize);
        using (root.Enter())
        {
            for (int i = 0; i < BatchSize / 2; i++)
            {
                _ = ShortChild(batch);
                Promise.Run(static () => Promise.Resolve(), options).Then(batch.Signal);
            }
        }

        return batch.Done.Then(() => AssertOnlyLiveChildren(root));
    }

    private static void AssertOnlyLiveChildren(PromiseContext root)
    {
        int count = root.Children.Count;
        if (count != LiveChildren)
        {
            throw new InvalidOperationException($"{count} children are still linked after the batch settled: " +
                string.Join(", ", root.Children.Select(child => $"{child.State} {child.Completion.GetType().Name}")));
        }
    }

    private static async Promise ShortChild(BatchCountdown batch)
    {
        await Promise.Resolve();
        batch.Signal();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference StartAndSettleChild(PromiseContext parent)
    {
        var child = new PromiseContext(new() { Parent = parent });
        child.Complete();
        return new WeakReference(child);
    }

    private sealed class BatchCountdown(int count)
    {
        private readonly PromiseWithResolvers _done = Promise.WithResolvers();
        private int _remaining = count;

        public Promise Done => _done.Promise;

        public void Signal()
        {
            if (--_remaining == 0)
            {
                _done.Resolve();
            }
        }
    }
}
