using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Diagnostics;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Diagnostics;

/// <summary>
/// The <c>PromiseJs</c> event source, through an in-process <see cref="EventListener"/>: the per-promise, rejection and
/// context events with their payloads, the keywords that keep the verbose ones off, and the counters. Enabling the source
/// is global, so this class runs alone (its collection disables parallelization) and every assertion filters on the ids
/// of objects the test made.
/// </summary>
[Collection(UnhandledRejectionsGroup.Name)]
public sealed class PromiseEventSourceTests
{
    private static int IdOf(object value) => RuntimeHelpers.GetHashCode(value);

    [Fact]
    public void EventSource_Name_IsTheOnePromiseDiagnosticsNames()
    {
        _ = Promise.Resolve(1);

        Assert.Contains(EventSource.GetSources(), source => source.Name == PromiseDiagnostics.EventSourceName);
        Assert.Equal("PromiseJs", PromiseDiagnostics.EventSourceName);
    }

    [Fact]
    public void EventSource_Manifest_PassesEventSourcesStrictChecks()
    {
        string? manifest = EventSource.GenerateManifest(typeof(PromiseEventSource), "PromiseJs.dll", EventManifestOptions.Strict);

        Assert.NotNull(manifest);
        Assert.Contains("name=\"PromiseJs\"", manifest, StringComparison.Ordinal);
        Assert.Null(PromiseEventSource.Log.ConstructionException);
    }

    [Fact]
    public void PromiseEvents_PendingPromiseResolved_ReportsCreatedThenFulfilledWithItsId()
    {
        using var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword);
        var resolvers = Promise.WithResolvers<int>();
        int id = IdOf(resolvers.Promise);

        resolvers.Resolve(42);

        Assert.Equal(["PromiseCreated", "PromiseFulfilled"], listener.EventNamesAbout(id));
        EventWrittenEventArgs created = listener.EventsAbout("PromiseCreated", "promiseId", id)[0];
        Assert.Equal(EventLevel.Verbose, created.Level);
        Assert.Equal(PromiseDiagnostics.PromisesKeyword, created.Keywords & PromiseDiagnostics.PromisesKeyword);
    }

    [Fact]
    public void PromiseEvents_PromiseMadeFulfilled_ReportsCreatedAndFulfilledAtOnce()
    {
        using var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword);

        Promise<string> promise = Promise.Resolve("done");

        Assert.Equal(["PromiseCreated", "PromiseFulfilled"], listener.EventNamesAbout(IdOf(promise)));
    }

    [Fact]
    public void PromiseEvents_ExecutorRejects_ReportsTheReasonsTypeAndMessage()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        using var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword);

        var promise = new Promise((_, reject) => reject(new FormatException("bad \"input\"\nline 2")));

        int id = IdOf(promise);
        Assert.Equal(["PromiseCreated", "PromiseRejected"], listener.EventNamesAbout(id));
        EventWrittenEventArgs rejected = listener.EventsAbout("PromiseRejected", "promiseId", id)[0];
        Assert.Equal("System.FormatException", RecordingEventListener.Payload(rejected, "reasonType"));
        Assert.Equal("bad \"input\"\nline 2", RecordingEventListener.Payload(rejected, "reasonMessage"));
    }

    [Fact]
    public void PromiseEvents_ThenChain_ReportsTheReactionPromisesToo()
    {
        using var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword);
        Promise<int>? then = null;

        PromiseLoop.Run(() =>
        {
            then = Promise.Resolve(1).Then(x => x + 1);
            return then;
        });

        Assert.Equal(["PromiseCreated", "PromiseFulfilled"], listener.EventNamesAbout(IdOf(then!)));
    }

    [Fact]
    public void PromiseEvents_KeywordNotEnabled_AreNotWrittenButCounted()
    {
        using var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.RejectionsKeyword);
        long createdBefore = PromiseEventSource.CreatedCount;
        long settledBefore = PromiseEventSource.SettledCount;

        var resolvers = Promise.WithResolvers<int>();
        resolvers.Resolve(1);

        Assert.Empty(listener.EventNamesAbout(IdOf(resolvers.Promise)));
        Assert.True(PromiseEventSource.CreatedCount > createdBefore);
        Assert.True(PromiseEventSource.SettledCount > settledBefore);
    }

    [Fact]
    public void PromiseEvents_LevelBelowVerbose_AreNotWritten()
    {
        using var listener = new RecordingEventListener(EventLevel.Informational, EventKeywords.All);

        var resolvers = Promise.WithResolvers<int>();
        resolvers.Resolve(1);

        Assert.Empty(listener.EventNamesAbout(IdOf(resolvers.Promise)));
    }

    [Fact]
    [ExpectsUnhandledRejections]
    public void UnhandledRejection_InsideLoop_ReportsThePromiseAndItsReasonOnceTheLoopDoes()
    {
        using var listener = new RecordingEventListener(EventLevel.Informational, PromiseDiagnostics.RejectionsKeyword);
        long unhandledBefore = PromiseEventSource.UnhandledCount;
        Promise? rejected = null;

        PromiseLoop.Run(() =>
        {
            rejected = Promise.Reject(new InvalidOperationException("nobody listens"));
            return Promise.Resolve();
        });

        IReadOnlyList<EventWrittenEventArgs> reports = listener.EventsAbout("UnhandledRejection", "promiseId", IdOf(rejected!));
        EventWrittenEventArgs report = Assert.Single(reports);
        Assert.Equal(EventLevel.Warning, report.Level);
        Assert.Equal("System.InvalidOperationException", RecordingEventListener.Payload(report, "reasonType"));
        Assert.Equal("nobody listens", RecordingEventListener.Payload(report, "reasonMessage"));
        Assert.True(PromiseEventSource.UnhandledCount > unhandledBefore);
    }

    [Fact]
    [ExpectsUnhandledRejections]
    public void RejectionHandled_HandlerAttachedAfterTheReport_ReportsItAfterTheUnhandledEvent()
    {
        using var listener = new RecordingEventListener(EventLevel.Informational, PromiseDiagnostics.RejectionsKeyword);
        Promise<int>? rejected = null;

        PromiseLoop.Run(() =>
        {
            rejected = Promise.Reject<int>(new FormatException("handled late"));
            PromiseLoop.SetTimeout(() => rejected.Catch(_ => 0), 0);
            return Promise.Resolve();
        });

        Assert.Equal(["UnhandledRejection", "RejectionHandled"], listener.EventNamesAbout(IdOf(rejected!)));
    }

    [Fact]
    public void RejectionEvents_HandledInTime_ReportNothing()
    {
        using var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.RejectionsKeyword);
        Promise<int>? rejected = null;

        PromiseLoop.Run(() =>
        {
            rejected = Promise.Reject<int>(new FormatException("handled"));
            return rejected.Catch(_ => 0);
        });

        Assert.Empty(listener.EventNamesAbout(IdOf(rejected!)));
    }

    [Fact]
    public void ContextEvents_CreatedCancelledCompleted_ReportTheNodeItsParentAndItsName()
    {
        using var listener = new RecordingEventListener(EventLevel.Informational, PromiseDiagnostics.ContextsKeyword);

        var root = new PromiseContext(new() { Name = "root", Orphan = true });
        var child = new PromiseContext(new() { Name = "child", Parent = root });
        child.Cancel();
        child.Complete();

        int rootId = IdOf(root);
        int childId = IdOf(child);
        Assert.Equal(["ContextCreated"], listener.EventNamesAbout(rootId));
        Assert.Equal(["ContextCreated", "ContextCancelled", "ContextCompleted"], listener.EventNamesAbout(childId));
        EventWrittenEventArgs created = listener.EventsAbout("ContextCreated", "contextId", childId)[0];
        Assert.Equal(rootId, RecordingEventListener.Payload(created, "parentId"));
        Assert.Equal("child", RecordingEventListener.Payload(created, "name"));
        Assert.Equal(0, RecordingEventListener.Payload(listener.EventsAbout("ContextCreated", "contextId", rootId)[0], "parentId"));
        EventWrittenEventArgs completed = listener.EventsAbout("ContextCompleted", "contextId", childId)[0];
        Assert.Equal("child", RecordingEventListener.Payload(completed, "name"));
        Assert.Equal((int)PromiseState.Fulfilled, Convert.ToInt32(RecordingEventListener.Payload(completed, "state"), null));
    }

    [Fact]
    public void ContextEvents_WorkRejects_ReportsTheNodeCompletedAsRejected()
    {
        using var suppressed = Promise.SuppressUnhandledRejections();
        using var listener = new RecordingEventListener(EventLevel.Informational, PromiseDiagnostics.ContextsKeyword);
        PromiseContext? node = null;

        // On the loop, so the node has completed (two jobs after its work returned) when Run returns.
        PromiseLoop.Run(() => Promise.Run(
            () =>
            {
                node = PromiseContext.Current;
                return Promise.Reject<int>(new FormatException("work failed"));
            },
            new() { Name = "failing work", Orphan = true }).Catch(_ => 0));

        EventWrittenEventArgs completed = Assert.Single(listener.EventsAbout("ContextCompleted", "contextId", IdOf(node!)));
        Assert.Equal("failing work", RecordingEventListener.Payload(completed, "name"));
        Assert.Equal((int)PromiseState.Rejected, Convert.ToInt32(RecordingEventListener.Payload(completed, "state"), null));
    }

    [Fact]
    public void Counters_SessionAsksForCounters_PublishesAllFour()
    {
        string[] expected =
        [
            PromiseDiagnostics.CreatedRateCounterName,
            PromiseDiagnostics.SettledRateCounterName,
            PromiseDiagnostics.PendingCounterName,
            PromiseDiagnostics.UnhandledRejectionsCounterName,
        ];
        var seen = new HashSet<string>();
        using var allSeen = new ManualResetEventSlim();
        using var listener = new RecordingEventListener(
            EventLevel.Informational, EventKeywords.None, new() { ["EventCounterIntervalSec"] = "0.05" });
        listener.Written += e =>
        {
            if (e.EventName == "EventCounters" && e.Payload?[0] is IDictionary<string, object?> counter && counter["Name"] is string name)
            {
                lock (seen)
                {
                    seen.Add(name);
                    if (expected.All(seen.Contains))
                    {
                        allSeen.Set();
                    }
                }
            }
        };

        // Counters are published by a timer thread: wait for the signal (never for a length of time).
        Assert.True(allSeen.Wait(TestTimeouts.Generous), "Counters seen: " + string.Join(", ", seen));
    }

    [Fact]
    public void Counts_PromisesMadeAndSettledWhileEnabled_AreCounted()
    {
        using var listener = new RecordingEventListener(EventLevel.Informational, EventKeywords.None);
        long createdBefore = PromiseEventSource.CreatedCount;
        long settledBefore = PromiseEventSource.SettledCount;

        var first = Promise.WithResolvers<int>();
        var second = Promise.WithResolvers();
        long createdWhilePending = PromiseEventSource.CreatedCount;
        second.Promise.Catch(_ => { });
        first.Resolve(1);
        second.Reject(new FormatException("counted"));

        Assert.True(createdWhilePending - createdBefore >= 2);
        Assert.True(PromiseEventSource.SettledCount - settledBefore >= 2);
        Assert.True(PromiseEventSource.PendingCount >= 0);
    }

    [Fact]
    public void IsOn_LastListenerDisposed_TurnsOffAtTheNextPromiseAndCountingStops()
    {
        var listener = new RecordingEventListener(EventLevel.Verbose, PromiseDiagnostics.PromisesKeyword);
        _ = Promise.Resolve(1);
        Assert.True(PromiseEventSource.IsOn);

        listener.Dispose();
        _ = Promise.Resolve(2);
        long createdAfterOff = PromiseEventSource.CreatedCount;
        Promise<int> unseen = Promise.Resolve(3);

        Assert.False(PromiseEventSource.IsOn);
        Assert.Equal(createdAfterOff, PromiseEventSource.CreatedCount);
        Assert.Empty(listener.EventNamesAbout(IdOf(unseen)));
    }
}
