using System.Reactive;
using System.Reactive.Linq;
using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests;

/// <summary><c>promise.ToObservable()</c>: an AsyncSubject over the promise's outcome.</summary>
public sealed class ToObservableTests
{
    [Fact]
    public void ToObservable_PendingPromiseFulfills_EmitsTheValueThenCompletesWhenTheClockGetsThere()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers<int>();
        var observer = new RecordingObserver<int>(time.Scheduler);
        time.Run(() => resolvers.Promise.ToObservable().Subscribe(observer));
        time.At(5, () => resolvers.Resolve(42));

        time.AdvanceTo(4);
        Assert.Empty(observer.Log);
        time.AdvanceTo(10);

        Assert.Equal(["OnNext(42)@5s", "OnCompleted@5s"], observer.Log);
    }

    [Fact]
    public void ToObservable_PendingPromiseRejects_FailsWithTheReason()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers<int>();
        var reason = new TimeoutException("too slow");
        var observer = new RecordingObserver<int>(time.Scheduler);
        time.Run(() => resolvers.Promise.ToObservable().Subscribe(observer));
        time.At(3, () => resolvers.Reject(reason));

        time.AdvanceTo(10);

        Assert.Equal(["OnError(TimeoutException)@3s"], observer.Log);
        Assert.Same(reason, observer.Error);
    }

    [Fact]
    public void ToObservable_ValueLessPromise_EmitsUnitThenCompletes()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers();
        var values = new List<Unit>();
        var observer = new RecordingObserver<Unit>(time.Scheduler);
        time.Run(() =>
        {
            IObservable<Unit> observable = resolvers.Promise.ToObservable();
            observable.Subscribe(observer);
            observable.Subscribe(values.Add);
        });
        time.At(2, resolvers.Resolve);

        time.AdvanceTo(2);

        Assert.Equal(["OnNext(())@2s", "OnCompleted@2s"], observer.Log);
        Assert.Equal([Unit.Default], values);
    }

    [Fact]
    public void ToObservable_ValueLessPromiseRejects_FailsWithTheReason()
    {
        var reason = new InvalidOperationException("no");
        var observer = new RecordingObserver<Unit>();

        PromiseLoop.Run(() =>
        {
            Promise promise = Promise.Delay(1).Then(() => throw reason);
            promise.ToObservable().Subscribe(observer);
            return promise.Catch(_ => { });
        });

        Assert.Equal(["OnError(InvalidOperationException)"], observer.Log);
        Assert.Same(reason, observer.Error);
    }

    [Fact]
    public void ToObservable_SeveralSubscribers_EachGetsTheOneOutcome()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers<string>();
        var first = new RecordingObserver<string>(time.Scheduler);
        var second = new RecordingObserver<string>(time.Scheduler);
        time.Run(() =>
        {
            IObservable<string> observable = resolvers.Promise.ToObservable();
            observable.Subscribe(first);
            observable.Subscribe(second);
        });
        time.At(1, () => resolvers.Resolve("done"));

        time.AdvanceTo(1);

        Assert.Equal(["OnNext(done)@1s", "OnCompleted@1s"], first.Log);
        Assert.Equal(first.Log, second.Log);
    }

    [Fact]
    public void ToObservable_LateSubscriberAfterSettlement_GetsTheOutcomeAtOnce()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers<int>();
        IObservable<int> observable = resolvers.Promise.ToObservable();
        var early = new RecordingObserver<int>(time.Scheduler);
        time.Run(() => observable.Subscribe(early));
        time.At(1, () => resolvers.Resolve(7));
        time.AdvanceTo(2);

        var late = new RecordingObserver<int>(time.Scheduler);
        observable.Subscribe(late);

        // Like AsyncSubject: inside Subscribe, without waiting for the clock.
        Assert.Equal(["OnNext(7)@0s", "OnCompleted@0s"], late.Log);
        Assert.Equal(["OnNext(7)@1s", "OnCompleted@1s"], early.Log);
    }

    [Fact]
    public void ToObservable_AlreadyRejectedPromise_FailsInsideSubscribe()
    {
        var reason = new FormatException();
        var observer = new RecordingObserver<int>();

        Promise.Reject<int>(reason).ToObservable().Subscribe(observer);

        Assert.Equal(["OnError(FormatException)"], observer.Log);
        Assert.Same(reason, observer.Error);
    }

    [Fact]
    public void ToObservable_DisposedSubscription_GetsNothingAndTheOthersAndThePromiseGoOn()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers<int>();
        var leaving = new RecordingObserver<int>(time.Scheduler);
        var staying = new RecordingObserver<int>(time.Scheduler);
        IDisposable subscription = null!;
        time.Run(() =>
        {
            IObservable<int> observable = resolvers.Promise.ToObservable();
            subscription = observable.Subscribe(leaving);
            observable.Subscribe(staying);
        });
        time.At(1, () => subscription.Dispose());
        time.At(2, () => resolvers.Resolve(3));

        time.AdvanceTo(3);

        Assert.Empty(leaving.Log);
        Assert.Equal(["OnNext(3)@2s", "OnCompleted@2s"], staying.Log);
        Assert.Equal(PromiseState.Fulfilled, resolvers.Promise.State);
        Assert.Equal(3, resolvers.Promise.Value);
    }

    [Fact]
    public void ToObservable_EverySubscriberLeaves_ThePromiseStillSettles()
    {
        var resolvers = Promise.WithResolvers<int>();
        resolvers.Promise.ToObservable().Subscribe(_ => { }).Dispose();

        resolvers.Resolve(1);

        Assert.Equal(1, resolvers.Promise.Value);
    }

    [Fact]
    public void ToObservable_InsideLoop_NotifiesOnTheLoopThreadAsAPromiseHandler()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        var log = new List<string>();
        var observer = new RecordingObserver<int>();

        PromiseLoop.Run(() =>
        {
            var resolvers = Promise.WithResolvers<int>();
            resolvers.Promise.ToObservable().Subscribe(observer);
            resolvers.Promise.Then(x => log.Add("handler attached after the subscription"));
            Task.Run(() => resolvers.Resolve(1));
            return resolvers.Promise.Then(_ => log.Add($"observer had {observer.Log.Count} notifications"));
        });

        Assert.Equal(["OnNext(1)", "OnCompleted"], observer.Log);
        Assert.All(observer.Threads, thread => Assert.Equal(loopThread, thread));
        Assert.Equal(["handler attached after the subscription", "observer had 2 notifications"], log);
    }

    [Fact]
    public void ToObservable_SubscribedRejection_IsNotReportedAsUnhandled()
    {
        var observer = new RecordingObserver<int>();

        PromiseLoop.Run(() =>
        {
            Promise<int> rejectedNow = Promise.Reject<int>(new FormatException("now"));
            Promise<int> rejectedLater = Promise.Delay(1).Then<int>(() => throw new FormatException("later"));
            rejectedNow.ToObservable().Subscribe(observer);
            rejectedLater.ToObservable().Subscribe(observer);
            return Promise.Delay(5);
        });

        Assert.Equal(["OnError(FormatException)", "OnError(FormatException)"], observer.Log);
    }

    [Fact]
    public void ToObservable_NoSubscriber_LeavesARejectionUnhandled()
    {
        var reason = new FormatException("nobody listens");

        PromiseLoop.Run(() =>
        {
            Promise.Reject<int>(reason).ToObservable();
            return Promise.Resolve();
        });

        // Creating the observable attaches nothing: the rejection is still reported.
        Assert.Equal([reason], UnhandledRejectionGuardAttribute.TakeReported());
    }

    [Fact]
    public void ToObservable_RxOperators_ComposeOverThePromise()
    {
        using var time = new VirtualTime();
        var resolvers = Promise.WithResolvers<int>();
        var observer = new RecordingObserver<int>(time.Scheduler);
        time.Run(() => resolvers.Promise.ToObservable()
            .SelectMany(x => Observable.Range(x, 3))
            .Subscribe(observer));
        time.At(4, () => resolvers.Resolve(10));

        time.AdvanceTo(4);

        Assert.Equal(["OnNext(10)@4s", "OnNext(11)@4s", "OnNext(12)@4s", "OnCompleted@4s"], observer.Log);
    }

    [Fact]
    public void ToObservable_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ((Promise<int>)null!).ToObservable());
        Assert.Throws<ArgumentNullException>(() => ((Promise)null!).ToObservable());
        Assert.Throws<ArgumentNullException>(() => Promise.Resolve(1).ToObservable().Subscribe(null!));
    }
}
