using PromiseJs.Context;
using PromiseJs.Scheduling;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>
/// The project rule "bad input gets a clear exception at the call, never a hang, a lost callback or a crash", as one table:
/// null elements of an input, empty and out-of-range values, and misuse, at every public entry point that takes them. Each
/// row names the member and the bad input, and gives the exception type, its <see cref="ArgumentException.ParamName"/>
/// (and the actual value, for a range), and a fragment of the message that names the parameter or says what to do. A row
/// whose documented answer is a rejection rather than a throw (JavaScript's way for an input it can only judge later) says
/// so and checks the reason the same way. Rows run in microseconds and never block without a bound. (Null for a
/// parameter itself is <see cref="NullArgumentTests"/>' job.)
/// </summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan s_minus1ms = TimeSpan.FromMilliseconds(-1);
    private static readonly TimeSpan s_minus2ms = TimeSpan.FromMilliseconds(-2);
    private static readonly Promise<int> s_one = Promise.Resolve(1);
    private static readonly Promise<int> s_null = null!;

    private static readonly Dictionary<string, Row> s_rows = new()
    {
        // Null elements: an ArgumentException at the call naming the parameter and the element, never a
        // NullReferenceException later or a combinator that waits forever for a promise that is not there.
        ["Promise.All<T>(params Promise<T>[]) | a null element"] = Throws<ArgumentException>(() => Promise.All(s_one, s_null), "promises", "index 1"),
        ["Promise.All<T>(IEnumerable<Promise<T>>) | a null element"] =
            Throws<ArgumentException>(() => Promise.All(Sequence(s_one, s_null)), "promises", "index 1"),
        ["Promise.All(params Promise[]) | a null element"] = Throws<ArgumentException>(() => Promise.All(Promise.Resolve(), null!), "promises", "index 1"),
        ["Promise.All(IEnumerable<Promise>) | a null element"] =
            Throws<ArgumentException>(() => Promise.All(Sequence(Promise.Resolve(), null!)), "promises", "index 1"),
        ["Promise.All<T1, T2>((Promise<T1>, Promise<T2>)) | a null item"] =
            Throws<ArgumentException>(() => Promise.All((s_one, s_null)), "promises", "Item2"),
        ["Promise.All<T1, …, T7>((…)) | a null last item"] =
            Throws<ArgumentException>(() => Promise.All((s_one, s_one, s_one, s_one, s_one, s_one, s_null)), "promises", "Item7"),
        ["Promise.AllSettled<T>(params Promise<T>[]) | a null element"] =
            Throws<ArgumentException>(() => Promise.AllSettled(s_null), "promises", "index 0"),
        ["Promise.AllSettled<T>(IEnumerable<Promise<T>>) | a null element"] =
            Throws<ArgumentException>(() => Promise.AllSettled(Sequence(s_one, s_null)), "promises", "index 1"),
        ["Promise.AllSettled<T1, T2>((Promise<T1>, Promise<T2>)) | a null item"] =
            Throws<ArgumentException>(() => Promise.AllSettled((s_null, s_one)), "promises", "Item1"),
        ["Promise.AllKeyed<TKey, T>(IReadOnlyDictionary<TKey, Promise<T>>) | a null value"] =
            Throws<ArgumentException>(() => Promise.AllKeyed(new Dictionary<string, Promise<int>> { ["a"] = s_one, ["b"] = s_null }), "promises", "'b'"),
        ["Promise.Any<T>(params Promise<T>[]) | a null element"] = Throws<ArgumentException>(() => Promise.Any(s_one, s_null), "promises", "index 1"),
        ["Promise.Any<T>(IEnumerable<Promise<T>>) | a null element"] =
            Throws<ArgumentException>(() => Promise.Any(Sequence(s_null)), "promises", "index 0"),
        ["Promise.Race<T>(params Promise<T>[]) | a null element"] = Throws<ArgumentException>(() => Promise.Race(s_null, s_one), "promises", "index 0"),
        ["Promise.Race<T>(IEnumerable<Promise<T>>) | a null element"] =
            Throws<ArgumentException>(() => Promise.Race(Sequence(s_one, s_null)), "promises", "index 1"),
        ["Promise.Some<T>(IEnumerable<Promise<T>>, int) | a null element"] =
            Throws<ArgumentException>(() => Promise.Some(Sequence(s_one, s_null), 1), "promises", "index 1"),
        ["Promise.InCompletionOrder<T>(IEnumerable<Promise<T>>, CancellationToken) | a null element"] =
            Throws<ArgumentException>(() => Promise.InCompletionOrder(Sequence(s_one, s_null)), "promises", "index 1"),

        // Time spans: negative is refused where only zero or more makes sense; a timeout also takes Timeout.InfiniteTimeSpan.
        ["Promise.Delay(TimeSpan) | -1 ms"] = OutOfRange(() => Promise.Delay(s_minus1ms), "delay", s_minus1ms),
        ["Promise.Delay(TimeSpan) | Timeout.InfiniteTimeSpan"] = OutOfRange(() => Promise.Delay(Timeout.InfiniteTimeSpan), "delay", Timeout.InfiniteTimeSpan),
        ["Promise.Delay(int) | -1"] = OutOfRange(() => Promise.Delay(-1), "milliseconds", -1),
        ["Promise.Delay(TimeSpan, TimeProvider) | -1 ms"] = OutOfRange(() => Promise.Delay(s_minus1ms, TimeProvider.System), "delay", s_minus1ms),
        ["Promise.Delay(TimeSpan, CancellationToken) | -1 ms"] =
            OutOfRange(() => Promise.Delay(s_minus1ms, CancellationToken.None), "delay", s_minus1ms),
        ["Promise.Delay(TimeSpan, TimeProvider?, CancellationToken) | -1 ms"] =
            OutOfRange(() => Promise.Delay(s_minus1ms, null, new CancellationTokenSource().Token), "delay", s_minus1ms),
        ["Promise.Delay(TimeSpan) | TimeSpan.MaxValue"] = OutOfRange(() => Promise.Delay(TimeSpan.MaxValue), "delay", TimeSpan.MaxValue, "49.7 days"),
        ["Promise.Delay(TimeSpan, TimeProvider?, CancellationToken) | uint.MaxValue ms"] = OutOfRange(
            () => Promise.Delay(TimeSpan.FromMilliseconds(uint.MaxValue), null, new CancellationTokenSource().Token), "delay", TimeSpan.FromMilliseconds(uint.MaxValue)),
        ["Promise.Delay(TimeSpan) | TimeSpan.MaxValue, in a loop"] =
            OutOfRange(() => InLoop(() => Promise.Delay(TimeSpan.MaxValue)), "delay", TimeSpan.MaxValue),
        ["PromiseExtensions.Timeout(Promise, TimeSpan) | -2 ms"] = OutOfRange(() => Promise.Resolve().Timeout(s_minus2ms), "timeout", s_minus2ms),
        ["PromiseExtensions.Timeout<T>(Promise<T>, TimeSpan, T) | -2 ms"] = OutOfRange(() => s_one.Timeout(s_minus2ms, 0), "timeout", s_minus2ms),
        ["PromiseExtensions.Timeout(Promise, TimeSpan) | TimeSpan.MaxValue"] =
            OutOfRange(() => Promise.WithResolvers().Promise.Timeout(TimeSpan.MaxValue), "timeout", TimeSpan.MaxValue),
        ["Promise.WaitAsync(TimeSpan) | -2 ms"] = OutOfRange(() => Promise.Resolve().WaitAsync(s_minus2ms), "timeout", s_minus2ms),
        ["Promise<T>.WaitAsync(TimeSpan, TimeProvider) | -2 ms"] =
            OutOfRange(() => s_one.WaitAsync(s_minus2ms, TimeProvider.System), "timeout", s_minus2ms),
        ["Promise.Wait(TimeSpan) | -2 ms"] = OutOfRange(() => Promise.Resolve().Wait(s_minus2ms), "timeout", s_minus2ms),
        ["Promise<T>.Wait(TimeSpan, CancellationToken) | -2 ms"] =
            OutOfRange(() => s_one.Wait(s_minus2ms, CancellationToken.None), "timeout", s_minus2ms),
        ["Promise.TryWait(TimeSpan) | -2 ms"] = OutOfRange(() => Promise.Resolve().TryWait(s_minus2ms), "timeout", s_minus2ms),
        ["Promise<T>.TryWait(TimeSpan, out T) | -2 ms"] = OutOfRange(() => s_one.TryWait(s_minus2ms, out _), "timeout", s_minus2ms),
        ["Promise.Wait(TimeSpan) | TimeSpan.MaxValue, pending"] =
            OutOfRange(() => Promise.WithResolvers().Promise.Wait(TimeSpan.MaxValue), "timeout", TimeSpan.MaxValue, "24.8 days"),
        ["Promise<T>.TryWait(TimeSpan, out T) | int.MaxValue + 1 ms, fulfilled"] =
            OutOfRange(() => s_one.TryWait(TimeSpan.FromMilliseconds(int.MaxValue + 1L), out _), "timeout", TimeSpan.FromMilliseconds(int.MaxValue + 1L)),
        ["Promise.WaitAsync(TimeSpan) | TimeSpan.MaxValue"] =
            OutOfRange(() => Promise.Resolve().WaitAsync(TimeSpan.MaxValue), "timeout", TimeSpan.MaxValue, "49.7 days"),
        ["PromiseContext.WaitForChildren(TimeSpan, bool) | -2 ms"] =
            OutOfRange(() => new PromiseContext(new() { Orphan = true }).WaitForChildren(s_minus2ms), "timeout", s_minus2ms),
        ["PromiseContext.WaitForChildren(TimeSpan, bool, CancellationToken) | -2 ms"] =
            OutOfRange(() => new PromiseContext(new() { Orphan = true }).WaitForChildren(s_minus2ms, true, CancellationToken.None), "timeout", s_minus2ms),
        ["PromiseLoop.SetTimeout(Action, int) | -1"] = OutOfRange(() => InLoop(() => PromiseLoop.SetTimeout(() => { }, -1)), "milliseconds", -1),
        ["PromiseLoop.SetTimeout(Action, TimeSpan, TimeProvider) | -1 ms"] =
            OutOfRange(() => InLoop(() => PromiseLoop.SetTimeout(() => { }, s_minus1ms, TimeProvider.System)), "delay", s_minus1ms),
        ["PromiseLoop.SetTimeout(Action, TimeSpan, TimeProvider) | TimeSpan.MaxValue"] =
            OutOfRange(() => InLoop(() => PromiseLoop.SetTimeout(() => { }, TimeSpan.MaxValue, TimeProvider.System)), "delay", TimeSpan.MaxValue),

        // Counts.
        ["Promise.Some<T>(IEnumerable<Promise<T>>, int) | count -1"] = OutOfRange(() => Promise.Some([s_one], -1), "count", -1),
        ["Promise.Some<T>(IEnumerable<Promise<T>>, int) | count larger than the input (rejects, as documented)"] =
            Rejects<AggregateException>(() => Promise.Some([s_one], 2), "pass a count no larger than the number of promises"),
        ["Promise.Some<T>(IEnumerable<Promise<T>>, int) | an empty input, count 1 (rejects, as documented)"] =
            Rejects<AggregateException>(() => Promise.Some(Array.Empty<Promise<int>>(), 1), "given only 0 promises"),
        ["Promise.Any<T>(params Promise<T>[]) | an empty input (rejects, as in JavaScript)"] =
            Rejects<AggregateException>(() => Promise.Any<int>(), "All promises were rejected"),
        ["Promise.Map<TItem, T>(…, int concurrency, …) | concurrency 0"] =
            OutOfRange(() => Promise.Map([1], Promise.Resolve, concurrency: 0), "concurrency", 0),
        ["Promise.Map<TItem, T>(…, int concurrency, …) | concurrency -1"] =
            OutOfRange(() => Promise.Map([1], Promise.Resolve, concurrency: -1), "concurrency", -1),
        ["Promise.Retry<T>(Func<Promise<T>>, int, CancellationToken) | attempts 0"] = OutOfRange(() => Promise.Retry(() => s_one, 0), "attempts", 0),
        ["Promise.Retry<T>(Func<Promise<T>>, int, Func<int, TimeSpan>, …) | attempts -1"] =
            OutOfRange(() => Promise.Retry(() => s_one, -1, _ => TimeSpan.Zero), "attempts", -1),
        ["Promise.Retry<T>(Func<Promise<T>>, int, Func<int, TimeSpan>, …) | a backoff longer than a timer can wait (rejects: known only then)"] =
            RejectsOutOfRange(() => Promise.Retry(FailsOnce(), 2, _ => TimeSpan.MaxValue), "backoff", TimeSpan.MaxValue, "after attempt 1"),

        // Undefined enum values.
        ["Promise.ConfigureAwait(ConfigureAwaitOptions) | an undefined flag"] =
            OutOfRange(() => Promise.Resolve().ConfigureAwait((ConfigureAwaitOptions)0x40), "options", (ConfigureAwaitOptions)0x40, "does not define"),
        ["Promise<T>.ConfigureAwait(ConfigureAwaitOptions) | an undefined flag"] =
            OutOfRange(() => s_one.ConfigureAwait((ConfigureAwaitOptions)0x40), "options", (ConfigureAwaitOptions)0x40, "does not define"),
        ["PromiseContext.DefaultStart | PromiseStart.Inherit"] =
            OutOfRange(() => PromiseContext.DefaultStart = PromiseStart.Inherit, "value", PromiseStart.Inherit, "Eager or PromiseStart.Lazy"),
        ["PromiseContext.DefaultStart | an undefined value"] =
            OutOfRange(() => PromiseContext.DefaultStart = (PromiseStart)42, "value", (PromiseStart)42, "Eager or PromiseStart.Lazy"),
        ["PromiseContextOptions.Start | an undefined value"] =
            OutOfRange(() => _ = new PromiseContextOptions { Start = (PromiseStart)42 }, "value", (PromiseStart)42, "PromiseStart"),
        ["PromiseContextOptions.ChildrenStart | an undefined value"] =
            OutOfRange(() => _ = new PromiseContextOptions { ChildrenStart = (PromiseStart)42 }, "value", (PromiseStart)42, "PromiseStart"),
        ["PromiseScopeOptions.ChildrenStart | an undefined value"] =
            OutOfRange(() => _ = new PromiseScopeOptions { ChildrenStart = (PromiseStart)42 }, "value", (PromiseStart)42, "PromiseStart"),
        ["PromiseScopeOptions.Exit | an undefined value"] =
            OutOfRange(() => _ = new PromiseScopeOptions { Exit = (PromiseScopeExit)42 }, "value", (PromiseScopeExit)42, "PromiseScopeExit"),
        ["PromiseScopeOptions.Errors | an undefined value"] =
            OutOfRange(() => _ = new PromiseScopeOptions { Errors = (PromiseScopeErrors)42 }, "value", (PromiseScopeErrors)42, "PromiseScopeErrors"),

        ["PromiseContextOptions.Orphan | true with a Parent"] = Throws<ArgumentException>(
            () => _ = new PromiseContextOptions { Parent = new PromiseContext(new() { Orphan = true }), Orphan = true }, "value", "contradict"),
        ["PromiseContextOptions.Parent | set with Orphan = true"] = Throws<ArgumentException>(
            () => _ = new PromiseContextOptions { Orphan = true, Parent = new PromiseContext(new() { Orphan = true }) }, "value", "contradict"),

        // Misuse: an InvalidOperationException (or the documented type) whose message says what to do instead.
        ["Promise<T>.ConfigureAwait(ConfigureAwaitOptions) | SuppressThrowing"] =
            OutOfRange(() => s_one.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing), "options", ConfigureAwaitOptions.SuppressThrowing, "Await the"),
        ["Promise<T>.Value | pending"] =
            Throws<InvalidOperationException>(() => _ = Promise.WithResolvers<int>().Promise.Value, null, "await it, attach Then, or check State"),
        ["Promise<T>.Value | rejected"] =
            Throws<InvalidOperationException>(() => _ = Rejected<int>().Value, null, "read Reason"),
        ["Promise.Wait() | on the loop thread, pending"] = Throws<InvalidOperationException>(() => InLoop(BlockOnPending(p => p.Wait())), null, "Use await or Then"),
        ["Promise<T>.Wait(TimeSpan) | on the loop thread, pending"] =
            Throws<InvalidOperationException>(() => InLoop(BlockOnPending(p => p.Wait(TestTimeouts.Generous))), null, "Use await or Then"),
        ["Promise.TryWait(TimeSpan) | on the loop thread, pending, a non-zero timeout"] =
            Throws<InvalidOperationException>(() => InLoop(BlockOnPending(p => p.TryWait(TestTimeouts.Generous))), null, "Use await or Then"),
        ["PromiseAwaiter.GetResult() | on the loop thread, pending"] =
            Throws<InvalidOperationException>(() => InLoop(BlockOnPending(p => p.GetAwaiter().GetResult())), null, "Use await or Then"),
        ["PromiseContext.WaitForChildren(TimeSpan, bool) | on the loop thread, a child pending"] =
            Throws<InvalidOperationException>(() => InLoop(WaitForPendingChild(context => context.WaitForChildren(TestTimeouts.Generous))), null, "Use await or Then"),
        ["PromiseContext.WaitForChildren(TimeSpan, bool) | from inside one of its children"] =
            Throws<InvalidOperationException>(() => WaitFromInsideAChild(recursive: true), null, "it would wait for itself"),
        ["PromiseContext.WaitForChildren(TimeSpan, bool, CancellationToken) | from inside a child, not recursive"] =
            Throws<InvalidOperationException>(() => WaitFromInsideAChild(recursive: false), null, "Wait from outside the children"),
        ["PromiseScope.Dispose() | on the loop thread, a child pending"] =
            Throws<InvalidOperationException>(() => InLoop(DisposeScopeWithPendingChild), null, "await using"),
        ["PromiseLoop.Run(Func<Promise>) | nested in a loop"] =
            Throws<InvalidOperationException>(() => InLoop(() => PromiseLoop.Run(Promise.Resolve)), null, "loops do not nest"),
        ["PromiseLoop.Run(Func<Promise>) | main returns null"] =
            Throws<InvalidOperationException>(() => PromiseLoop.Run((Func<Promise>)(() => null!)), null, "return the promise or task"),
        ["PromiseLoop.Run(Func<Task>) | main returns null"] =
            Throws<InvalidOperationException>(() => PromiseLoop.Run((Func<Task>)(() => null!)), null, "return the promise or task"),
        ["PromiseLoop.Run<T>(Func<Promise<T>>) | main returns null"] =
            Throws<InvalidOperationException>(() => PromiseLoop.Run((Func<Promise<int>>)(() => null!)), null, "return the promise or task"),
        ["PromiseLoop.Run<T>(Func<Task<T>>, CancellationToken) | main returns null"] =
            Throws<InvalidOperationException>(() => PromiseLoop.Run((Func<Task<int>>)(() => null!), CancellationToken.None), null, "return the promise or task"),
        ["PromiseLoop.QueueMicrotask(Action) | outside a loop"] =
            Throws<InvalidOperationException>(() => PromiseLoop.QueueMicrotask(() => { }), null, "inside PromiseLoop.Run"),
        ["PromiseLoop.SetImmediate(Action) | outside a loop"] =
            Throws<InvalidOperationException>(() => PromiseLoop.SetImmediate(() => { }), null, "inside PromiseLoop.Run"),
        ["PromiseLoop.SetTimeout(Action, int) | outside a loop"] =
            Throws<InvalidOperationException>(() => PromiseLoop.SetTimeout(() => { }, 0), null, "inside PromiseLoop.Run"),
        ["PromiseScheduler.CurrentLoop | outside a loop"] =
            Throws<InvalidOperationException>(() => _ = PromiseScheduler.CurrentLoop, null, "PromiseLoop.Run"),
        ["PromiseContext.RequireCurrent() | no context"] =
            Throws<PromiseContextException>(() => PromiseContext.RequireCurrent(), null, "Run this inside Promise.Run"),
        ["PromiseContext.Enter() | twice in one flow"] = Throws<PromiseContextException>(EnterTwice, null, "until the scope of the first Enter() is disposed"),
        ["PromiseContextScope.Dispose() | out of order"] = Throws<PromiseContextException>(ExitOutOfOrder, null, "reverse order"),
        ["PromiseContextScope.Dispose() | in another flow"] = Throws<PromiseContextException>(ExitInAnotherFlow, null, "same asynchronous flow"),
        ["PromiseScope.Dispose() | in another flow"] = Throws<PromiseContextException>(
            () => EndScopeInAnotherFlow(scope => scope.Dispose()), null, "same asynchronous flow"),
        ["PromiseScope.DisposeAsync() | out of order, a context entered inside it still active"] = Throws<PromiseContextException>(
            () => EndScopeOutOfOrder(scope => scope.DisposeAsync()), null, "reverse order"),
        ["PromiseContext.Complete() | on a work node"] = Throws<InvalidOperationException>(CompleteWorkNode, null, "Only an explicit context"),
        ["Promise<T>.Then<TResult>(Func<T, Promise<TResult>>) | the handler returns the promise Then made (rejects)"] =
            Rejects<InvalidOperationException>(ResolveWithItself, "itself"),
        ["Promise.InCompletionOrder<T> | enumerated twice"] = Throws<InvalidOperationException>(EnumerateTwice, null, "only once"),
        ["Promise.InCompletionOrder<T> | Current before MoveNextAsync"] =
            Throws<InvalidOperationException>(() => _ = Promise.InCompletionOrder([s_one]).GetAsyncEnumerator().Current, null, "MoveNextAsync"),
        ["Promise.InCompletionOrder<T> | MoveNextAsync again before the last one completed"] =
            Throws<InvalidOperationException>(MoveNextTwice, null, "before the previous call completed"),
        ["Promise.InCompletionOrder<T> | MoveNextAsync after DisposeAsync"] = Throws<ObjectDisposedException>(MoveNextAfterDispose, null, "disposed"),
        ["PromiseWithResolvers<T>.Reject | null"] = Throws<ArgumentNullException>(() => Promise.WithResolvers<int>().Reject(null!), "reason", "reason"),
        ["PromiseWithResolvers.Reject | null"] = Throws<ArgumentNullException>(() => Promise.WithResolvers().Reject(null!), "reason", "reason"),
        ["Promise<T>.ctor | the executor calls reject(null) (rejects: the executor threw)"] =
            Rejects<ArgumentNullException>(() => new Promise<int>((_, reject) => reject(null!)), "'reason'"),
        ["Promise.Resolve<T>(IThenable<T>) | the thenable rejects with null (rejects)"] =
            Rejects<ArgumentNullException>(() => Promise.Resolve<int>(new ScriptedThenable<int>((_, reject) => reject(null!))), "'reason'"),
        ["PromiseLoop.Run(Func<Promise>, CancellationToken) | already cancelled"] =
            Throws<OperationCanceledException>(() => PromiseLoop.Run(() => throw new InvalidOperationException("main ran"), new CancellationToken(true)), null, "canceled"),
    };

    public static TheoryData<string> Rows => [.. s_rows.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public void PublicMember_BadInput_FailsClearlyAtTheCall(string row)
    {
        Row expected = s_rows[row];
        Exception? exception = expected.Call is { } call ? Record.Exception(call) : RejectionOf(expected.Rejection!);

        Assert.True(exception is not null, $"{row}: no exception; expected {expected.Exception.Name}.");
        Assert.True(exception.GetType() == expected.Exception, $"{row}: {exception.GetType().Name} instead of {expected.Exception.Name}: {exception}");
        Assert.Contains(expected.Fragment, exception.Message, StringComparison.Ordinal);
        if (expected.ParamName is not null)
        {
            Assert.Equal(expected.ParamName, ((ArgumentException)exception).ParamName);
            Assert.Contains($"'{expected.ParamName}'", exception.Message, StringComparison.Ordinal);
        }

        if (expected.ActualValue is not null)
        {
            Assert.Equal(expected.ActualValue, ((ArgumentOutOfRangeException)exception).ActualValue);
        }
    }

    [Fact]
    public void WithResolvers_ResolveOrRejectAfterSettlement_IsIgnored()
    {
        // JavaScript's rule, not an error: only the first settling call counts, later ones do nothing (and throw nothing).
        PromiseWithResolvers<int> resolvers = Promise.WithResolvers<int>();
        resolvers.Resolve(1);

        resolvers.Resolve(2);
        resolvers.Reject(new InvalidOperationException("late"));

        Assert.Equal(1, resolvers.Promise.Value);
    }

    [Fact]
    public void PromiseScopeDispose_OutOfOrder_ThrowsAndLeavesTheScopeOpenToBeEndedInOrder()
    {
        var inner = new PromiseContext(new() { Orphan = true });
        PromiseScope scope = PromiseScope.Open();
        PromiseContextScope entered = inner.Enter();
        Assert.Throws<PromiseContextException>(scope.Dispose);

        entered.Dispose();
        scope.Dispose();

        Assert.Equal(PromiseState.Fulfilled, scope.Context.State);
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public void Constructor_ResolveAfterTheExecutorThrew_IsIgnored()
    {
        Action<int>? resolveLater = null;
        var promise = new Promise<int>((resolve, _) =>
        {
            resolveLater = resolve;
            throw new InvalidOperationException("the executor failed");
        });
        promise.Catch(_ => 0);

        resolveLater!(1);

        Assert.Equal("the executor failed", promise.Reason?.Message);
    }

    private static Row Throws<TException>(Action call, string? paramName, string fragment)
        where TException : Exception => new(typeof(TException), paramName, null, fragment, call, null);

    private static Row OutOfRange(Action call, string paramName, object actualValue, string? fragment = null) =>
        new(typeof(ArgumentOutOfRangeException), paramName, actualValue, fragment ?? paramName, call, null);

    private static Row Rejects<TException>(Func<Promise> call, string fragment)
        where TException : Exception => new(typeof(TException), null, null, fragment, null, call);

    private static Row RejectsOutOfRange(Func<Promise> call, string paramName, object actualValue, string fragment) =>
        new(typeof(ArgumentOutOfRangeException), paramName, actualValue, fragment, null, call);

    // Makes the row's promise in a loop and returns the reason it rejected with (handled here), or null if it fulfilled.
    private static Exception? RejectionOf(Func<Promise> make)
    {
        Exception? reason = null;
        PromiseLoop.Run(() => make().Then(() => { }, e => reason = e));
        return reason;
    }

    private static void InLoop(Action call) =>
        PromiseLoop.Run(() =>
        {
            call();
            return Promise.Resolve();
        });

    private static Func<Promise<int>?> FailsOnce()
    {
        int calls = 0;
        return () => ++calls == 1 ? Rejected<int>() : Promise.Resolve(calls);
    }

    private static IEnumerable<T> Sequence<T>(params T[] items)
    {
        foreach (T item in items)
        {
            yield return item;
        }
    }

    private static Promise<T> Rejected<T>()
    {
        Promise<T> promise = Promise.Reject<T>(new InvalidOperationException("rejected on purpose"));
        promise.Catch(_ => default(T)!);
        return promise;
    }

    // Blocks on a pending promise on the loop thread. A thread-pool timer settles it after a generous bound, so a missing
    // guard fails the row (no exception) instead of hanging the run.
    private static Action BlockOnPending(Action<Promise<int>> block) => () =>
    {
        PromiseWithResolvers<int> pending = Promise.WithResolvers<int>();
        using var rescue = new Timer(_ => pending.Resolve(0), null, TestTimeouts.Generous, Timeout.InfiniteTimeSpan);
        try
        {
            block(pending.Promise);
        }
        finally
        {
            pending.Resolve(0);
        }
    };

    private static Action WaitForPendingChild(Action<PromiseContext> wait) => () =>
    {
        PromiseWithResolvers<int> pending = Promise.WithResolvers<int>();
        using var rescue = new Timer(_ => pending.Resolve(0), null, TestTimeouts.Generous, Timeout.InfiniteTimeSpan);
        var parent = new PromiseContext(new() { Orphan = true });
        using (parent.Enter())
        {
            Promise.Run(() => pending.Promise);
        }

        try
        {
            wait(parent);
        }
        finally
        {
            pending.Resolve(0);
        }
    };

    // A bounded wait: without the check the child would block until the timeout (then fail the row with a TimeoutException).
    private static void WaitFromInsideAChild(bool recursive)
    {
        var parent = new PromiseContext(new() { Orphan = true });
        Promise child;
        using (parent.Enter())
        {
            child = recursive
                ? Promise.Run(() => parent.WaitForChildren(TestTimeouts.Generous))
                : Promise.Run(() => parent.WaitForChildren(TestTimeouts.Generous, recursive: false, CancellationToken.None));
        }

        child.Wait(TestTimeouts.Generous);
    }

    private static void DisposeScopeWithPendingChild()
    {
        PromiseWithResolvers<int> pending = Promise.WithResolvers<int>();
        using var rescue = new Timer(_ => pending.Resolve(0), null, TestTimeouts.Generous, Timeout.InfiniteTimeSpan);
        PromiseScope scope = PromiseScope.Open();
        Promise.Run(() => pending.Promise);
        try
        {
            scope.Dispose();
        }
        finally
        {
            pending.Resolve(0);
        }
    }

    private static void EnterTwice()
    {
        var context = new PromiseContext(new() { Orphan = true });
        using (context.Enter())
        {
            using (context.Enter())
            {
            }
        }
    }

    private static void ExitOutOfOrder()
    {
        var outer = new PromiseContext(new() { Orphan = true });
        var inner = new PromiseContext(new() { Orphan = true });
        using PromiseContextScope outerScope = outer.Enter();
        using PromiseContextScope innerScope = inner.Enter();
        outerScope.Dispose();
    }

    private static void ExitInAnotherFlow()
    {
        var context = new PromiseContext(new() { Orphan = true });
        PromiseContextScope scope = Task.Run(context.Enter).Result;
        scope.Dispose();
    }

    private static void EndScopeInAnotherFlow(Action<PromiseScope> end)
    {
        // Opened inside Task.Run: the scope's context is current in that task's flow only.
        PromiseScope scope = Task.Run(() => PromiseScope.Open()).Result;
        end(scope);
    }

    private static void EndScopeOutOfOrder(Func<PromiseScope, ValueTask> end)
    {
        var inner = new PromiseContext(new() { Orphan = true });
        using PromiseScope scope = PromiseScope.Open();
        using PromiseContextScope entered = inner.Enter();
        end(scope).AsTask().Wait(TestTimeouts.Generous);
    }

    private static void CompleteWorkNode()
    {
        PromiseContext node = Promise.Run(PromiseContext.RequireCurrent).Wait(TestTimeouts.Generous);
        node.Complete();
    }

    private static Promise ResolveWithItself()
    {
        Promise<int> self = null!;
        self = s_one.Then(_ => self);
        return self;
    }

    private static void EnumerateTwice()
    {
        IAsyncEnumerable<Promise<int>> sequence = Promise.InCompletionOrder([s_one]);
        _ = sequence.GetAsyncEnumerator();
        _ = sequence.GetAsyncEnumerator();
    }

    private static void MoveNextAfterDispose()
    {
        IAsyncEnumerator<Promise<int>> enumerator = Promise.InCompletionOrder([s_one]).GetAsyncEnumerator();
        enumerator.DisposeAsync().AsTask().Wait(TestTimeouts.Generous);
        bool more = enumerator.MoveNextAsync().AsTask().Wait(TestTimeouts.Generous);
        Assert.Fail($"MoveNextAsync after DisposeAsync was accepted (completed in time: {more}).");
    }

    private static void MoveNextTwice()
    {
        IAsyncEnumerator<Promise<int>> enumerator = Promise.InCompletionOrder([Promise.WithResolvers<int>().Promise]).GetAsyncEnumerator();
        ValueTask<bool> first = enumerator.MoveNextAsync();
        Assert.False(first.IsCompleted);
        ValueTask<bool> second = enumerator.MoveNextAsync();
        Assert.Fail($"The second MoveNextAsync was accepted (completed: {second.IsCompleted}).");
    }

    // Call throws at once; Rejection, for a row whose documented answer is a rejection, makes the promise that rejects.
    private sealed record Row(Type Exception, string? ParamName, object? ActualValue, string Fragment, Action? Call, Func<Promise>? Rejection);
}
