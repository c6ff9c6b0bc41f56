using System.Runtime.ExceptionServices;
using PromiseJs.Context;
using Xunit.Sdk;

namespace PromiseJs.Tests.Reliability;

/// <summary>
/// One round of <see cref="RaceTests"/>: <see cref="Threads"/> threads released together by a <see cref="Barrier"/> run a
/// shuffled script over the same <see cref="Promises"/> promises — attach handlers, try to fulfill or reject, await, block
/// in <c>Wait</c> from a pool thread, combine with <c>All</c>/<c>Race</c>/<c>Any</c>, start work in a shared context while
/// one thread cancels it — then the round checks what must hold whatever the interleaving.
/// </summary>
internal sealed class RaceRound
{
    public const int Threads = 8;
    public const int Promises = 64;
    private const int HandlersPerThreadAndPromise = 2;
    private const int AwaitsPerThread = 8;
    private const int CombinatorsPerThread = 3;
    private const int RunsPerThread = 4;
    private const int Slice = 4;

    private readonly int _seed;
    private readonly Promise<int>[] _shared = new Promise<int>[Promises];
    private readonly RaceReason[] _reasons = new RaceReason[Threads];
    private readonly int[] _wins = new int[Promises];

    // Per handler id (promise, thread, k): how often it ran and the outcome it saw (a value, or -(thread + 1) of a reason).
    private readonly int[] _handlerRuns = new int[Promises * Threads * HandlersPerThreadAndPromise];
    private readonly int[] _handlerSaw = new int[Promises * Threads * HandlersPerThreadAndPromise];

    // Per promise: the handlers running now (never more than one) and the order they ran in, as thread * 16 + k.
    private readonly int[] _running = new int[Promises];
    private readonly List<int>[] _runOrder = new List<int>[Promises];
    private int _overlaps;

    private readonly PromiseContext _node;
    private readonly int[] _workRuns = new int[Threads * RunsPerThread];

    // What every thread left to check: (description, promise that must settle, check once it has).
    private readonly List<(string What, Promise Promise, Action Check)>[] _pending = new List<(string, Promise, Action)>[Threads];
    private readonly Task[] _waiters = new Task[Threads];
    private readonly int[] _waitedOn = new int[Threads];
    private readonly int[] _waitSaw = new int[Threads];

    // Per thread and promise: how many handlers the thread has attached to it so far.
    private readonly int[][] _attached = new int[Threads][];

    public RaceRound(int seed)
    {
        _seed = seed;
        for (int i = 0; i < Promises; i++)
        {
            _shared[i] = Promise.WithResolvers<int>().Promise;
            _runOrder[i] = [];
        }

        for (int t = 0; t < Threads; t++)
        {
            _reasons[t] = new RaceReason(t);
            _pending[t] = [];
            _attached[t] = new int[Promises];
        }

        _node = new PromiseContext(new() { Name = $"race round {seed}" });
    }

    /// <summary>Runs the round, checks it, and returns how many operations it performed.</summary>
    public int Run()
    {
        using var start = new Barrier(Threads);
        int operations = 0;
        var workers = new Task[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int thread = t;
            workers[t] = Task.Factory.StartNew(
                () => Interlocked.Add(ref operations, Work(thread, start)),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        Watchdog.WaitAll(workers, () => $"round {_seed}: workers still running their scripts");
        Watchdog.WaitAll(_waiters, () => $"round {_seed}: Wait() calls from pool threads");
        WaitForAndCheck();
        return operations;
    }

    private int Work(int thread, Barrier start)
    {
        var random = new Random(HashCode.Combine(_seed, thread));
        var script = new List<Action>();
        for (int p = 0; p < Promises; p++)
        {
            int promise = p;
            for (int k = 0; k < HandlersPerThreadAndPromise; k++)
            {
                int handler = k;
                script.Add(() => Attach(thread, promise, handler));
            }

            script.Add(() => TrySettle(thread, promise, random.Next(2) == 0));
        }

        for (int i = 0; i < AwaitsPerThread; i++)
        {
            int promise = random.Next(Promises);
            script.Add(() => Await(thread, promise));
        }

        int waited = random.Next(Promises);
        script.Add(() => _waiters[thread] = Task.Run(() => WaitFromPool(thread, waited)));
        for (int i = 0; i < CombinatorsPerThread; i++)
        {
            int[] slice = [.. Enumerable.Range(0, Promises).OrderBy(_ => random.Next()).Take(Slice)];
            int kind = i;
            script.Add(() => Combine(thread, kind, slice));
        }

        for (int i = 0; i < RunsPerThread; i++)
        {
            int run = thread * RunsPerThread + i;
            script.Add(() => StartInContext(thread, run));
        }

        if (thread == 0)
        {
            script.Add(_node.Cancel);
        }

        Action[] shuffled = [.. script.OrderBy(_ => random.Next())];
        start.SignalAndWait();
        foreach (Action step in shuffled)
        {
            step();
        }

        return shuffled.Length;
    }

    private void Attach(int thread, int promise, int k)
    {
        int id = ((promise * Threads) + thread) * HandlersPerThreadAndPromise + k;

        // The shuffled script attaches k = 1 before k = 0 as often as not: the order key is the attachment's rank.
        int orderKey = (thread * 16) + _attached[thread][promise]++;
        Promise<int> derived = _shared[promise].Then(
            value => { Ran(promise, id, orderKey, value); return value; },
            reason => { Ran(promise, id, orderKey, -(((RaceReason)reason).Thread + 1)); return 0; });
        _pending[thread].Add(($"handler {k} of thread {thread} on promise {promise}", derived, () => { }));
    }

    private void Ran(int promise, int id, int orderKey, int saw)
    {
        if (Interlocked.Increment(ref _running[promise]) != 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        Interlocked.Increment(ref _handlerRuns[id]);
        Volatile.Write(ref _handlerSaw[id], saw);
        lock (_runOrder[promise])
        {
            _runOrder[promise].Add(orderKey);
        }

        Interlocked.Decrement(ref _running[promise]);
    }

    private void TrySettle(int thread, int promise, bool fulfill)
    {
        bool won = fulfill
            ? _shared[promise].TryFulfill(thread + 1)
            : _shared[promise].TryReject(ExceptionDispatchInfo.Capture(_reasons[thread]));
        if (won)
        {
            Interlocked.Increment(ref _wins[promise]);
        }
    }

    private void Await(int thread, int promise)
    {
        Promise<int> awaited = AwaitOutcome(_shared[promise]);
        _pending[thread].Add(($"an await by thread {thread} of promise {promise}", awaited, () => Assert.Equal(Outcome(promise), awaited.Value)));
    }

    private static async Promise<int> AwaitOutcome(Promise<int> promise)
    {
        try
        {
            return await promise;
        }
        catch (RaceReason reason)
        {
            return -(reason.Thread + 1);
        }
    }

    private void WaitFromPool(int thread, int promise)
    {
        int saw;
        try
        {
            saw = _shared[promise].Wait(ReliabilityScale.Watchdog);
        }
        catch (RaceReason reason)
        {
            saw = -(reason.Thread + 1);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"Watchdog: round {_seed}: Wait() by thread {thread} on promise {promise} never returned.");
        }

        _waitedOn[thread] = promise;
        _waitSaw[thread] = saw;
    }

    private void Combine(int thread, int kind, int[] slice)
    {
        Promise<int>[] inputs = [.. slice.Select(i => _shared[i])];
        string name = $"{(kind == 0 ? "All" : kind == 1 ? "Race" : "Any")} by thread {thread} over [{string.Join(", ", slice)}]";
        switch (kind)
        {
            case 0:
                Promise<int[]> all = Promise.All(inputs);
                Promise<int> allObserved = all.Then(values => values.Length, _ => 0);
                _pending[thread].Add((name, allObserved, () => CheckAll(all, slice)));
                break;
            case 1:
                Promise<int> race = Promise.Race(inputs);
                Promise<int> raceObserved = race.Then(value => value, _ => 0);
                _pending[thread].Add((name, raceObserved, () => Assert.Contains(OutcomeOf(race), slice.Select(Outcome))));
                break;
            default:
                Promise<int> any = Promise.Any(inputs);
                Promise<int> anyObserved = any.Then(value => value, _ => 0);
                _pending[thread].Add((name, anyObserved, () => CheckAny(any, slice)));
                break;
        }
    }

    private void CheckAll(Promise<int[]> all, int[] slice)
    {
        int[] outcomes = [.. slice.Select(Outcome)];
        if (outcomes.All(o => o > 0))
        {
            Assert.Equal(outcomes, all.Value);
        }
        else
        {
            Assert.Contains(-(((RaceReason)all.Reason!).Thread + 1), outcomes.Where(o => o < 0));
        }
    }

    private void CheckAny(Promise<int> any, int[] slice)
    {
        int[] outcomes = [.. slice.Select(Outcome)];
        if (outcomes.Any(o => o > 0))
        {
            Assert.Contains(any.Value, outcomes.Where(o => o > 0));
        }
        else
        {
            var aggregate = Assert.IsType<AggregateException>(any.Reason);
            Assert.Equal(outcomes, aggregate.InnerExceptions.Select(e => -(((RaceReason)e).Thread + 1)));
        }
    }

    private void StartInContext(int thread, int run)
    {
        bool cancelledBefore = _node.IsCancellationRequested;
        Promise<int> work;
        using (_node.Enter())
        {
            work = Promise.Run(() =>
            {
                Interlocked.Increment(ref _workRuns[run]);
                return run;
            });
        }

        Promise<int> observed = work.Then(value => value, reason => reason is OperationCanceledException ? -1 : -2);
        _pending[thread].Add(($"Promise.Run {run} by thread {thread} in the shared context", observed, () =>
        {
            Assert.InRange(Volatile.Read(ref _workRuns[run]), 0, 1);
            if (work.State == PromiseState.Fulfilled)
            {
                Assert.False(cancelledBefore, $"Run {run} started after Cancel() returned, yet fulfilled.");
                Assert.Equal(run, work.Value);
                Assert.Equal(1, _workRuns[run]);
            }
            else
            {
                Assert.IsAssignableFrom<OperationCanceledException>(work.Reason);
            }
        }));
    }

    private void WaitForAndCheck()
    {
        var everything = _pending.SelectMany(p => p).ToList();
        everything.Add(($"the shared context's children (round {_seed})", _node.WhenChildren(), () => Assert.Empty(_node.Children)));
        DateTime deadline = DateTime.UtcNow + ReliabilityScale.Watchdog;
        foreach ((string _, Promise promise, Action _) in everything)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (!promise.TryWaitForSettlement(left > TimeSpan.Zero ? left : TimeSpan.Zero, CancellationToken.None))
            {
                string[] stuck = [.. everything.Where(e => e.Promise.State == PromiseState.Pending).Select(e => e.What).Take(10)];
                throw new XunitException(
                    $"Watchdog: round {_seed}: after {ReliabilityScale.Watchdog.TotalSeconds:N0} s still pending " +
                    $"({everything.Count(e => e.Promise.State == PromiseState.Pending)} in all): {string.Join("; ", stuck)}.");
            }
        }

        for (int p = 0; p < Promises; p++)
        {
            Assert.True(_wins[p] == 1, $"Round {_seed}: promise {p} was settled {_wins[p]} times (exactly one resolve or reject must win).");
        }

        for (int id = 0; id < _handlerRuns.Length; id++)
        {
            Assert.True(_handlerRuns[id] == 1, $"Round {_seed}: handler {id} ran {_handlerRuns[id]} times (exactly once).");
            Assert.Equal(Outcome(id / (Threads * HandlersPerThreadAndPromise)), _handlerSaw[id]);
        }

        Assert.Equal(0, _overlaps);
        for (int p = 0; p < Promises; p++)
        {
            foreach (IGrouping<int, int> byThread in _runOrder[p].GroupBy(key => key / 16))
            {
                Assert.True(
                    byThread.Select(key => key % 16).SequenceEqual(Enumerable.Range(0, HandlersPerThreadAndPromise)),
                    $"Round {_seed}: the handlers thread {byThread.Key} attached to promise {p} ran out of attachment order.");
            }
        }

        foreach ((string _, Promise _, Action check) in everything)
        {
            check();
        }

        for (int t = 0; t < Threads; t++)
        {
            Assert.Equal(Outcome(_waitedOn[t]), _waitSaw[t]);
        }
    }

    // The outcome everybody must see for a shared promise: the winner's value (thread + 1) or -(thread + 1) of its reason.
    private int Outcome(int promise) => OutcomeOf(_shared[promise]);

    private static int OutcomeOf(Promise<int> promise) =>
        promise.State == PromiseState.Fulfilled ? promise.Value : -(((RaceReason)promise.Reason!).Thread + 1);
}
