using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests;

/// <summary><c>PromiseObservable.Defer</c>: a cold observable that starts a new promise for every subscription.</summary>
public sealed class DeferTests
{
    [Fact]
    public void Defer_BeforeSubscription_CallsNothing()
    {
        int calls = 0;

        PromiseObservable.Defer(() => Promise.Resolve(++calls));

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Defer_EverySubscription_GetsANewPromise()
    {
        using var time = new VirtualTime();
        int calls = 0;
        Promise<int> Fetch()
        {
            int call = ++calls;
            var resolvers = Promise.WithResolvers<int>();
            time.Scheduler.Schedule(TimeSpan.FromSeconds(call), () => resolvers.Resolve(call * 10));
            return resolvers.Promise;
        }

        IObservable<int> observable = PromiseObservable.Defer(Fetch);
        var first = new RecordingObserver<int>(time.Scheduler);
        var second = new RecordingObserver<int>(time.Scheduler);
        time.Run(() =>
        {
            observable.Subscribe(first);
            observable.Subscribe(second);
        });
        time.AdvanceTo(5);

        Assert.Equal(2, calls);
        Assert.Equal(["OnNext(10)@1s", "OnCompleted@1s"], first.Log);
        Assert.Equal(["OnNext(20)@2s", "OnCompleted@2s"], second.Log);
    }

    [Fact]
    public void Defer_Repeat_ResubscribesForANewPromiseEachTime()
    {
        int calls = 0;

        Promise<int[]> values = PromiseObservable.Defer(() => Promise.Resolve(++calls)).Repeat(3).ToArray().ToPromise();

        Assert.Equal([1, 2, 3], values.Value);
    }

    [Fact]
    public void Defer_PromiseRejects_FailsThatSubscription()
    {
        var reason = new FormatException();
        var observer = new RecordingObserver<int>();

        PromiseObservable.Defer(() => Promise.Reject<int>(reason)).Subscribe(observer);

        Assert.Equal(["OnError(FormatException)"], observer.Log);
        Assert.Same(reason, observer.Error);
    }

    [Fact]
    public void Defer_FactoryThrows_FailsThatSubscription()
    {
        var reason = new NotSupportedException();
        var observer = new RecordingObserver<int>();

        PromiseObservable.Defer<int>(() => throw reason).Subscribe(observer);

        Assert.Same(reason, observer.Error);
    }

    [Fact]
    public void Defer_FactoryReturnsNull_FailsWithInvalidOperationException()
    {
        var observer = new RecordingObserver<int>();

        PromiseObservable.Defer<int>(() => null!).Subscribe(observer);

        Assert.IsType<InvalidOperationException>(observer.Error);
    }

    [Fact]
    public void Defer_ValueLessPromise_EmitsUnitThenCompletes()
    {
        int calls = 0;

        Promise<Unit> promise = PromiseObservable.Defer(() =>
        {
            calls++;
            return Promise.Resolve();
        }).ToPromise();

        Assert.Equal(Unit.Default, promise.Value);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Defer_CancellableFactory_UnsubscribingCancelsThatSubscriptionsToken()
    {
        using var time = new VirtualTime();
        var tokens = new List<CancellationToken>();
        IObservable<int> observable = PromiseObservable.Defer(token =>
        {
            tokens.Add(token);
            return Promise.WithResolvers<int>().Promise;
        });

        IDisposable first = observable.Subscribe(_ => { });
        using IDisposable second = observable.Subscribe(_ => { });
        first.Dispose();

        Assert.Equal(2, tokens.Count);
        Assert.True(tokens[0].IsCancellationRequested);
        Assert.False(tokens[1].IsCancellationRequested);
    }

    [Fact]
    public void Defer_CancellableFactory_UnsubscribingAfterSettlementCancelsNothing()
    {
        CancellationToken seen = default;
        IDisposable subscription = PromiseObservable.Defer(token =>
        {
            seen = token;
            return Promise.Resolve(1);
        }).Subscribe(_ => { });

        subscription.Dispose();

        Assert.True(seen.CanBeCanceled);
        Assert.False(seen.IsCancellationRequested);
    }

    [Fact]
    public void Defer_CancellableFactoryWithSwitch_CancelsTheStaleRequest()
    {
        using var time = new VirtualTime();
        var cancelled = new List<string>();
        Promise<string> Search(string term, CancellationToken token)
        {
            var resolvers = Promise.WithResolvers<string>();
            token.Register(() =>
            {
                cancelled.Add(term);
                resolvers.Reject(new OperationCanceledException(token));
            });
            time.Scheduler.Schedule(TimeSpan.FromSeconds(2), () => resolvers.Resolve($"results for {term}"));
            return resolvers.Promise;
        }

        var terms = new[] { (1, "a"), (2, "ab"), (5, "abc") }.ToObservable()
            .SelectMany(t => Observable.Return(t.Item2).Delay(TimeSpan.FromSeconds(t.Item1), time.Scheduler));
        var observer = new RecordingObserver<string>(time.Scheduler);
        time.Run(() => terms
            .Select(term => PromiseObservable.Defer(token => Search(term, token)))
            .Switch()
            .Subscribe(observer));
        time.AdvanceTo(10);

        Assert.Equal(["a"], cancelled);
        Assert.Equal(["OnNext(results for ab)@4s", "OnNext(results for abc)@7s", "OnCompleted@7s"], observer.Log);
    }

    [Fact]
    public void Defer_CancellableValueLessFactory_PassesAToken()
    {
        CancellationToken seen = default;

        Promise<Unit> promise = PromiseObservable.Defer(token =>
        {
            seen = token;
            return Promise.Resolve();
        }).FirstToPromise();

        Assert.Equal(Unit.Default, promise.Value);
        Assert.True(seen.CanBeCanceled);
    }

    [Fact]
    public void Defer_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PromiseObservable.Defer((Func<Promise<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => PromiseObservable.Defer((Func<CancellationToken, Promise<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => PromiseObservable.Defer((Func<Promise>)null!));
        Assert.Throws<ArgumentNullException>(() => PromiseObservable.Defer((Func<CancellationToken, Promise>)null!));
    }
}
