using PromiseJs.Context;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// Memory stays flat, measured by full collections (never by time): after a warm-up the heap is measured, a million
/// operations run, and the heap may have grown by less than <see cref="Bound"/> — far below what one leaked object per
/// operation would cost (24 MB at the smallest object size). The scenarios: a long-lived context with a million children
/// that settle; <c>Race</c> and <c>Any</c> of a never-settling promise and a settled one, a million times; a million
/// rejected-and-handled promises; and a million-iteration <c>await</c> loop in one async method. The class runs alone
/// (<see cref="HeapMeasurements"/>), so no other test allocates during a measurement.
/// </summary>
[Collection(HeapMeasurements.Name)]
public sealed class MemoryTests
{
    private const long Bound = 2_000_000;
    private const int Batch = 10_000;
    private static readonly int s_operations = ReliabilityScale.Operations(ReliabilityScale.Million);

    [Fact]
    public void LongLivedContext_AMillionChildrenThatSettle_OnThePool_HeapStaysFlat()
    {
        using var noContext = SynchronizationContextScope.None();
        var root = new PromiseContext(new() { Name = "long-lived" });
        var options = new PromiseContextOptions { Parent = root };
        void RunBatch()
        {
            var children = new Promise<int>[Batch];
            for (int i = 0; i < Batch; i++)
            {
                children[i] = Promise.Run(() => 1, options);
            }

            Assert.Equal(Batch, Watchdog.Wait(Promise.All(children), "a batch of children").Sum());
        }

        long growth = MeasureGrowth(RunBatch, s_operations / Batch);

        Watchdog.Wait(root.WhenChildren(), "the children leaving the tree");
        Assert.Empty(root.Children);
        AssertFlat(growth, "children of a long-lived context");
    }

    [Fact]
    public void RaceAndAny_ANeverSettlingPromiseAndASettledOne_AMillionTimes_HeapStaysFlatAndTheNeverSettlingOneKeepsNoReaction()
    {
        var never = Promise.WithResolvers<int>().Promise;

        long growth = Watchdog.RunLoop(
            async () =>
            {
                async Promise RunBatch()
                {
                    for (int i = 0; i < Batch / 2; i++)
                    {
                        Assert.Equal(i, await Promise.Race(never, Promise.Resolve(i)));
                        Assert.Equal(i, await Promise.Any(never, Promise.Resolve(i)));
                    }
                }

                return await MeasureGrowthAsync(RunBatch);
            },
            "races against a never-settling promise");

        Assert.Equal(0, never.WaitingReactionCount);
        AssertFlat(growth, "Race and Any against a never-settling promise");
    }

    [Fact]
    public void RejectedAndHandledPromises_AMillion_OnTheLoop_HeapStaysFlatAndNothingIsReported()
    {
        int reported = 0;
        EventHandler<UnhandledRejectionEventArgs> counting = (_, e) =>
        {
            if (e.Reason is HandledOnPurposeException)
            {
                Interlocked.Increment(ref reported);
            }
        };

        Promise.UnhandledRejection += counting;
        try
        {
            long growth = Watchdog.RunLoop(
                async () =>
                {
                    async Promise RunBatch()
                    {
                        var handled = new Promise[Batch];
                        for (int i = 0; i < Batch; i += 2)
                        {
                            // Handled before it rejects (no tracker is ever made) and after (made, then dropped).
                            var pending = Promise.WithResolvers<int>();
                            handled[i] = pending.Promise.Catch(_ => { });
                            pending.Reject(new HandledOnPurposeException());
                            handled[i + 1] = Promise.Reject<int>(new HandledOnPurposeException()).Catch(_ => { });
                        }

                        await Promise.All(handled);
                    }

                    return await MeasureGrowthAsync(RunBatch);
                },
                "rejected-and-handled promises");

            AssertFlat(growth, "rejected-and-handled promises");
        }
        finally
        {
            Promise.UnhandledRejection -= counting;
        }

        Assert.Equal(0, Volatile.Read(ref reported));
    }

    [Fact]
    public void RejectedAndHandledPromises_AMillion_OnThePool_HeapStaysFlatAndNothingIsReported()
    {
        using var noContext = SynchronizationContextScope.None();
        int reported = 0;
        EventHandler<UnhandledRejectionEventArgs> counting = (_, e) =>
        {
            if (e.Reason is HandledOnPurposeException)
            {
                Interlocked.Increment(ref reported);
            }
        };
        void RunBatch()
        {
            var handled = new Promise[Batch];
            for (int i = 0; i < Batch; i += 2)
            {
                var pending = Promise.WithResolvers<int>();
                handled[i] = pending.Promise.Catch(_ => { });
                pending.Reject(new HandledOnPurposeException());
                handled[i + 1] = Promise.Reject<int>(new HandledOnPurposeException()).Catch(_ => { });
            }

            Watchdog.Wait(Promise.All(handled), "a batch of handled rejections");
        }

        Promise.UnhandledRejection += counting;
        long growth;
        try
        {
            growth = MeasureGrowth(RunBatch, s_operations / Batch);

            // Any tracker left behind would report from its finalizer now.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        finally
        {
            Promise.UnhandledRejection -= counting;
        }

        Assert.Equal(0, Volatile.Read(ref reported));
        AssertFlat(growth, "rejected-and-handled promises");
    }

    [Fact]
    public void AwaitLoop_AMillionIterationsInOneAsyncMethod_OnTheLoop_HeapStaysFlat() =>
        AssertFlat(Watchdog.RunLoop(() => AwaitLoop(s_operations, yieldEveryTime: false), "an await loop"), "an await loop on the loop");

    [Fact]
    public void AwaitLoop_AMillionIterationsInOneAsyncMethod_OnThePool_HeapStaysFlat()
    {
        using var noContext = SynchronizationContextScope.None();

        AssertFlat(Watchdog.Wait(AwaitLoop(s_operations, yieldEveryTime: true), "an await loop"), "an await loop on the pool");
    }

    // MeasureGrowth for batches that await: a warm-up batch, then batches of Batch operations up to s_operations.
    private static async Promise<long> MeasureGrowthAsync(Func<Promise> batch)
    {
        await batch();
        long before = Heap();
        for (int done = 0; done < s_operations; done += Batch)
        {
            await batch();
        }

        return Heap() - before;
    }

    // Measures the heap after a warm-up and after the work; returns the growth.
    private static long MeasureGrowth(Action batch, int batches)
    {
        batch();
        long before = Heap();
        for (int i = 0; i < batches; i++)
        {
            batch();
        }

        return Heap() - before;
    }

    // Awaits a settled promise (which yields on the loop) or a forced yield (on the pool) each iteration; measures itself.
    private static async Promise<long> AwaitLoop(int iterations, bool yieldEveryTime)
    {
        const int WarmUp = 10_000;
        long before = 0;
        long sum = 0;
        for (int i = 0; i < iterations + WarmUp; i++)
        {
            if (i == WarmUp)
            {
                before = Heap();
            }

            sum += yieldEveryTime
                ? await Promise.Resolve(1).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding)
                : await Promise.Resolve(1);
        }

        Assert.Equal(iterations + WarmUp, sum);
        return Heap() - before;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void AssertFlat(long growth, string what) =>
        Assert.True(
            growth < Bound,
            $"The heap grew by {growth:N0} bytes over {s_operations:N0} operations ({what}); the bound is {Bound:N0} bytes.");

    private sealed class HandledOnPurposeException() : Exception("rejected and handled on purpose");
}
