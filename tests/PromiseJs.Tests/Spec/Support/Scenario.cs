using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PromiseJs.Scheduling;
using Xunit.Sdk;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// One run of a spec test: the counterpart of mocha's <c>done</c> plus the suite's helpers. The test's body attaches
/// handlers and calls <see cref="Done"/> when the scenario is over; handlers record what they see, and the test asserts
/// on the records after <see cref="Scenarios.Run"/> returned. A failure inside a handler or timer (see <see cref="Check"/>)
/// rejects <c>done</c>, so it fails the test instead of becoming an ignored rejection.
/// </summary>
/// <param name="clock">The fake clock of the thread-pool mode's timers (see <see cref="ThreadPoolRunner"/>); a loop scenario
/// uses loop timers instead.</param>
internal sealed class Scenario(FakeTimeProvider clock)
{
    // Extra trips through the job queue once done: on the thread pool, handlers queued by the last timer or handler run
    // before the test looks at what they recorded (inside a loop, Run drains everything anyway).
    private const int FlushHops = 5;

    // One settled promise per stripe of the thread pool's queues.
    private static readonly Lazy<Promise[]> s_stripeKeys = new(() =>
    {
        StripedJobQueue queues = ThreadPoolJobScheduler.Instance.Queues;
        var keys = new Promise[queues.StripeCount];
        for (int found = 0; found < keys.Length;)
        {
            Promise candidate = Promise.Resolve(found);
            ref Promise slot = ref keys[queues.StripeOf(candidate)];
            if (slot is null)
            {
                slot = candidate;
                found++;
            }
        }

        return keys;
    });

    private readonly PromiseWithResolvers _done = Promise.WithResolvers();
    private readonly ConcurrentQueue<Exception> _failures = new();

    // Timers started on the thread pool: the scenario is over only once they have fired.
    private readonly ConcurrentQueue<Promise> _timers = new();

    // When those timers are due on the clock, for the runner to advance it to each in turn.
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _dueTimes = new();
    private int _doneCalls;

    /// <summary>Gets the fake clock the thread-pool mode's timers run on; nothing moves it but the runner.</summary>
    public FakeTimeProvider Clock { get; } = clock;

    /// <summary>Gets the failures recorded by <see cref="Fail(Exception)"/>, in order.</summary>
    public IReadOnlyCollection<Exception> Failures => _failures;

    /// <summary>mocha's <c>done()</c>: the scenario is over. A second call is a failure, as in mocha.</summary>
    public void Done()
    {
        if (Interlocked.Increment(ref _doneCalls) == 1)
        {
            _done.Resolve();
        }
        else
        {
            Fail("done() was called more than once");
        }
    }

    /// <summary>mocha's <c>done(error)</c>: records the failure and ends the scenario.</summary>
    public void Fail(Exception failure)
    {
        _failures.Enqueue(failure);
        _done.Reject(failure);
    }

    public void Fail(string message) => Fail(new XunitException(message));

    /// <summary>Runs an assertion inside a handler; if it throws, the test fails with it.</summary>
    public void Check(Action assertion)
    {
        try
        {
            assertion();
        }
        catch (Exception failure)
        {
            Fail(failure);
        }
    }

    /// <summary>
    /// JavaScript's <c>setTimeout</c>: a loop timer inside a loop; elsewhere a <c>Promise.Delay</c> on <see cref="Clock"/>
    /// whose handler runs on the thread pool (and that the scenario waits for).
    /// </summary>
    public void SetTimeout(Action callback, int milliseconds)
    {
        void Guarded() => Check(callback);

        if (PromiseLoop.IsRunning)
        {
            PromiseLoop.SetTimeout(Guarded, milliseconds);
        }
        else
        {
            TimeSpan delay = TimeSpan.FromMilliseconds(milliseconds);
            lock (_dueTimes)
            {
                DateTimeOffset due = Clock.GetUtcNow() + delay;
                _dueTimes.Enqueue(due, due);
            }

            _timers.Enqueue(Promise.Delay(delay, Clock).Then(Guarded));
        }
    }

    /// <summary>Takes the earliest due time of the thread-pool timers the runner has not advanced the clock to yet.</summary>
    public bool TryTakeNextDueTime(out DateTimeOffset due)
    {
        lock (_dueTimes)
        {
            return _dueTimes.TryDequeue(out due, out _);
        }
    }

    /// <summary>The suite's <c>testFulfilled(value, test)</c>, one of its three cases.</summary>
    public void TestFulfilled<T>(Settling settling, T value, Action<Promise<T>> test)
    {
        switch (settling)
        {
            case Settling.Already:
                test(Adapter.Resolved(value));
                break;
            case Settling.Immediately:
            {
                var deferred = Adapter.Deferred<T>();
                test(deferred.Promise);
                deferred.Resolve(value);
                break;
            }

            case Settling.Eventually:
            {
                var deferred = Adapter.Deferred<T>();
                test(deferred.Promise);
                SetTimeout(() => deferred.Resolve(value), Delays.Eventually);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(settling), settling, null);
        }
    }

    /// <summary>The suite's <c>testRejected(reason, test)</c>, one of its three cases.</summary>
    public void TestRejected<T>(Settling settling, Exception reason, Action<Promise<T>> test)
    {
        switch (settling)
        {
            case Settling.Already:
                test(Adapter.Rejected<T>(reason));
                break;
            case Settling.Immediately:
            {
                var deferred = Adapter.Deferred<T>();
                test(deferred.Promise);
                deferred.Reject(reason);
                break;
            }

            case Settling.Eventually:
            {
                var deferred = Adapter.Deferred<T>();
                test(deferred.Promise);
                SetTimeout(() => deferred.Reject(reason), Delays.Eventually);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(settling), settling, null);
        }
    }

    /// <summary>Records how <paramref name="promise"/> settles; by default its settling also ends the scenario.</summary>
    public Observation<T> Observe<T>(Promise<T> promise, bool endsScenario = true)
    {
        var observation = new Observation<T>();
        promise.Then(
            value =>
            {
                observation.OnFulfilled(value);
                EndIf(endsScenario);
            },
            reason =>
            {
                observation.OnRejected(reason);
                EndIf(endsScenario);
            });
        return observation;
    }

    /// <summary>Records how a promise of no value settles (its value, if any, is recorded as <c>null</c>).</summary>
    public Observation<object?> Observe(Promise promise, bool endsScenario = true)
    {
        var observation = new Observation<object?>();
        promise.Then(
            () =>
            {
                observation.OnFulfilled(null);
                EndIf(endsScenario);
            },
            reason =>
            {
                observation.OnRejected(reason);
                EndIf(endsScenario);
            });
        return observation;
    }

    /// <summary>A handler that must never run (the JavaScript tests pass <c>null</c> in its place).</summary>
    public Func<TIn, TOut?> Unreachable<TIn, TOut>(string handler) => _ =>
    {
        Fail($"{handler} must not be called");
        return default;
    };

    /// <summary>Settles when the scenario is over: done called, timers fired, queued handlers run.</summary>
    public Promise WhenOver() => _done.Promise.Then(AfterTimers).Then(() => Hop(FlushHops));

    /// <summary>Settles after <paramref name="hops"/> trips through the job queue, one after another: each trip runs after
    /// every job queued before it, so a chain of up to that many handlers started before the call has run by then.</summary>
    /// <remarks>On the thread pool every promise's handlers queue on one of several stripes, so a trip there is one handler
    /// on each stripe, all of them run.</remarks>
    public static Promise Hop(int hops) => hops == 0 ? Promise.Resolve() : Trip().Then(() => Hop(hops - 1));

    private static Promise Trip()
    {
        if (LoopCore.Current is not null || SynchronizationContext.Current is not null)
        {
            return Promise.Resolve().Then(() => { });
        }

        Promise[] trips = s_stripeKeys.Value.Select(key => key.Then(() => { })).ToArray();
        return Promise.All(trips);
    }

    private void EndIf(bool endsScenario)
    {
        if (endsScenario)
        {
            Done();
        }
    }

    private Promise AfterTimers() => _timers.TryDequeue(out var timer) ? timer.Then(AfterTimers) : Promise.Resolve();
}
