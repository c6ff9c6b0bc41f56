using System.Collections.Concurrent;
using PromiseJs.Context;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// Threads add children to one shared node while others settle them, snapshot the children and cancel the node: the node
/// links each child in exactly once and unlinks it exactly once, whatever thread does which (children are added without
/// the node's lock and linked in by whoever takes it next), and a cancellation racing with the additions reaches every
/// child. Counts follow <see cref="ReliabilityScale"/>; a watchdog fails a test that would hang.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ContextChildrenRaceTests
{
    private const int Producers = 3;

    private static readonly int s_children = ReliabilityScale.Operations(ReliabilityScale.Million / 4);

    [Fact]
    public void Children_AddedRunAndCompletedOnManyThreadsWhileSnapshotted_ListHoldsExactlyTheLiveOnes()
    {
        using var noContext = SynchronizationContextScope.None();
        var parent = new PromiseContext(new() { Name = "shared parent", Orphan = true });
        var kept = new ConcurrentBag<PromiseContext>();
        var runs = new ConcurrentBag<Promise<int>>();
        int perProducer = s_children / Producers;
        int producing = Producers;
        var duplicates = new ConcurrentBag<string>();
        long snapshots = 0;

        var workers = new List<Task>();
        for (int p = 0; p < Producers; p++)
        {
            workers.Add(Task.Factory.StartNew(
                () =>
                {
                    var open = new Queue<PromiseContext>();
                    for (int i = 0; i < perProducer; i++)
                    {
                        if (i % 4 == 0)
                        {
                            // Settled on a pool thread, which unlinks it while this thread goes on adding.
                            runs.Add(Promise.Run(static () => 1, new() { Parent = parent }));
                            continue;
                        }

                        var child = new PromiseContext(new() { Parent = parent });
                        if (i % 64 == 1)
                        {
                            kept.Add(child);
                            continue;
                        }

                        // Completed a little later, so children are unlinked from the middle of the list, not only its front.
                        open.Enqueue(child);
                        if (open.Count > 8)
                        {
                            open.Dequeue().Complete();
                        }
                    }

                    while (open.TryDequeue(out PromiseContext? last))
                    {
                        last.Complete();
                    }

                    Interlocked.Decrement(ref producing);
                },
                TaskCreationOptions.LongRunning));
        }

        workers.Add(Task.Factory.StartNew(
            () =>
            {
                while (Volatile.Read(ref producing) > 0)
                {
                    IReadOnlyList<PromiseContext> snapshot = parent.GetPendingChildren();
                    if (new HashSet<PromiseContext>(snapshot).Count != snapshot.Count)
                    {
                        duplicates.Add($"a snapshot of {snapshot.Count} children listed one twice");
                    }

                    snapshots++;
                }
            },
            TaskCreationOptions.LongRunning));

        Watchdog.WaitAll(workers, () => $"{Volatile.Read(ref producing)} producers still running; {parent.Children.Count} children pending");
        foreach (Promise<int> run in runs)
        {
            Assert.Equal(1, Watchdog.Wait(run, "a Promise.Run child"));
        }

        Assert.Empty(duplicates);
        Assert.True(snapshots > 0);
        var expected = new HashSet<PromiseContext>(kept);
        IReadOnlyList<PromiseContext> live = parent.GetPendingChildren();
        Assert.Equal(expected.Count, live.Count);
        Assert.True(expected.SetEquals(live), "The live children are not exactly the ones never completed.");

        Promise allDone = parent.WhenChildren();
        Assert.Equal(PromiseState.Pending, allDone.State);
        foreach (PromiseContext child in kept)
        {
            child.Complete();
        }

        Watchdog.Wait(allDone, "WhenChildren after the last child completed");
        Assert.Empty(parent.Children);
        parent.Complete();
    }

    [Fact]
    public void Cancel_RacingWithChildrenBeingAdded_ReachesEveryChild()
    {
        using var noContext = SynchronizationContextScope.None();
        int rounds = Math.Max(1, s_children / 50);
        PromiseContext? current = null;
        var children = new ConcurrentQueue<PromiseContext>();
        int missed = 0;
        using var start = new Barrier(Producers + 1);
        var workers = new List<Task>();
        for (int p = 0; p < Producers; p++)
        {
            workers.Add(Task.Factory.StartNew(
                () =>
                {
                    for (int round = 0; round < rounds; round++)
                    {
                        start.SignalAndWait();
                        PromiseContext parent = Volatile.Read(ref current)!;
                        for (int i = 0; i < 8; i++)
                        {
                            children.Enqueue(new PromiseContext(new() { Parent = parent }));
                        }

                        start.SignalAndWait();
                    }
                },
                TaskCreationOptions.LongRunning));
        }

        // The fourth party makes each round's parent, cancels it while the producers add to it, then checks the children.
        workers.Add(Task.Factory.StartNew(
            () =>
            {
                for (int round = 0; round < rounds; round++)
                {
                    var parent = new PromiseContext(new() { Name = $"cancelled parent {round}", Orphan = true });
                    Volatile.Write(ref current, parent);
                    start.SignalAndWait();
                    Thread.SpinWait(round % 32 * 8);
                    parent.Cancel();
                    start.SignalAndWait();
                    while (children.TryDequeue(out PromiseContext? child))
                    {
                        if (!child.IsCancellationRequested)
                        {
                            missed++;
                        }

                        child.Complete();
                    }

                    if (parent.Children.Count != 0)
                    {
                        throw new InvalidOperationException($"Round {round}: completed children stayed in their parent.");
                    }

                    parent.Complete();
                }
            },
            TaskCreationOptions.LongRunning));

        Watchdog.WaitAll(workers, () => $"{children.Count} children not checked yet");
        Assert.Equal(0, missed);
    }
}
