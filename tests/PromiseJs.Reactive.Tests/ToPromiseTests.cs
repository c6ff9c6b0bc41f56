using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests;

/// <summary><c>observable.ToPromise()</c>: the last value on completion (RxJS's <c>lastValueFrom</c>).</summary>
public sealed class ToPromiseTests
{
    [Fact]
    public void ToPromise_SeveralValues_FulfillsWithTheLastWhenTheSourceCompletes()
    {
        using var time = new VirtualTime();

        Promise<long> promise = Observable.Interval(TimeSpan.FromSeconds(1), time.Scheduler).Take(3).ToPromise();

        time.AdvanceTo(2);
        Assert.Equal(PromiseState.Pending, promise.State);
        time.AdvanceTo(3);
        Assert.Equal(PromiseState.Fulfilled, promise.State);
        Assert.Equal(2L, promise.Value);
    }

    [Fact]
    public void ToPromise_SourceFails_RejectsWithThatException()
    {
        using var time = new VirtualTime();
        var reason = new TimeoutException("late");
        var subject = new Subject<int>();
        Promise<int> promise = subject.ToPromise();
        time.At(1, () => subject.OnNext(1));
        time.At(2, () => subject.OnError(reason));

        time.AdvanceTo(1);
        Assert.Equal(PromiseState.Pending, promise.State);
        time.AdvanceTo(2);

        Assert.Same(reason, Rejections.ReasonOf(promise));
    }

    [Fact]
    public void ToPromise_EmptySequence_RejectsWithInvalidOperationExceptionInRxsWords()
    {
        using var time = new VirtualTime();
        string rxMessage = Assert.Throws<InvalidOperationException>(() => Observable.Empty<int>().Wait()).Message;

        Promise<int> promise = Observable.Empty<int>(time.Scheduler).ToPromise();
        time.AdvanceTo(1);

        var reason = Assert.IsType<InvalidOperationException>(Rejections.ReasonOf(promise));
        Assert.Equal("Sequence contains no elements.", reason.Message);
        Assert.Equal(rxMessage, reason.Message);
    }

    [Fact]
    public void ToPromise_EmptySequenceWithDefault_FulfillsWithTheDefault()
    {
        using var time = new VirtualTime();

        Promise<string> promise = Observable.Empty<string>(time.Scheduler).ToPromise("none");
        time.AdvanceTo(1);

        Assert.Equal("none", promise.Value);
    }

    [Fact]
    public void ToPromise_ValuesWithDefault_FulfillsWithTheLastValue()
    {
        Promise<int> promise = Observable.Range(1, 4).ToPromise(-1);

        Assert.Equal(4, promise.Value);
    }

    [Fact]
    public void ToPromise_SynchronousSource_IsAlreadySettledWhenItReturns()
    {
        var reason = new FormatException();

        Assert.Equal(5, Observable.Return(5).ToPromise().Value);
        Assert.Equal(5, Promise.Resolve(5).ToObservable().ToPromise().Value);
        Assert.Same(reason, Rejections.ReasonOf(Observable.Throw<int>(reason).ToPromise()));
    }

    [Fact]
    public void ToPromise_Completes_DisposesTheSubscription()
    {
        using var time = new VirtualTime();
        bool disposed = false;
        IObservable<int> source = Observable.Create<int>(observer =>
        {
            time.Scheduler.Schedule(TimeSpan.FromSeconds(1), () =>
            {
                observer.OnNext(1);
                observer.OnCompleted();
            });
            return Disposable.Create(() => disposed = true);
        });

        Promise<int> promise = source.ToPromise();
        Assert.False(disposed);
        time.AdvanceTo(1);

        Assert.Equal(1, promise.Value);
        Assert.True(disposed);
    }

    [Fact]
    public void ToPromise_TokenCancelled_DisposesTheSubscriptionAndRejectsWithOperationCanceledException()
    {
        using var time = new VirtualTime();
        using var cancellation = new CancellationTokenSource();
        var subject = new Subject<int>();
        Promise<int> promise = subject.ToPromise(cancellation.Token);
        time.At(1, () => subject.OnNext(1));
        time.At(2, cancellation.Cancel);
        time.At(3, () =>
        {
            subject.OnNext(2);
            subject.OnCompleted();
        });

        time.AdvanceTo(1);
        Assert.True(subject.HasObservers);
        time.AdvanceTo(2);

        Assert.False(subject.HasObservers);
        var reason = Assert.IsType<OperationCanceledException>(Rejections.ReasonOf(promise));
        Assert.Equal(cancellation.Token, reason.CancellationToken);
        time.AdvanceTo(3);
        Assert.IsType<OperationCanceledException>(promise.Reason);
    }

    [Fact]
    public void ToPromise_TokenAlreadyCancelled_RejectsWithoutSubscribing()
    {
        var subject = new Subject<int>();

        Promise<int> promise = subject.ToPromise(new CancellationToken(canceled: true));

        Assert.False(subject.HasObservers);
        Assert.IsType<OperationCanceledException>(Rejections.ReasonOf(promise));
    }

    [Fact]
    public void ToPromise_TokenCancelledAfterSettlement_ChangesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        var subject = new Subject<int>();
        Promise<int> promise = subject.ToPromise(0, cancellation.Token);
        subject.OnCompleted();

        cancellation.Cancel();

        Assert.Equal(0, promise.Value);
    }

    [Fact]
    public void ToPromise_DefaultAndToken_UsesTheDefaultForAnEmptySequence()
    {
        using var cancellation = new CancellationTokenSource();

        Promise<int> promise = Observable.Empty<int>().ToPromise(9, cancellation.Token);

        Assert.Equal(9, promise.Value);
    }

    [Fact]
    public void ToPromise_SubscribeThrows_RejectsWithThatException()
    {
        var reason = new NotSupportedException();
        var source = new ThrowingObservable(reason);

        Promise<int> promise = source.ToPromise();

        Assert.Same(reason, Rejections.ReasonOf(promise));
    }

    [Fact]
    public async Task ToPromise_SourceSettlesOnAnotherThread_FulfillsThere()
    {
        var subject = new Subject<int>();
        Promise<int> promise = subject.ToPromise();

        await Task.Run(() =>
        {
            subject.OnNext(8);
            subject.OnCompleted();
        });

        Assert.Equal(8, promise.Value);
    }

    [Fact]
    public void ToPromise_Null_ThrowsArgumentNullException()
    {
        IObservable<int> source = null!;

        Assert.Throws<ArgumentNullException>(() => source.ToPromise());
        Assert.Throws<ArgumentNullException>(() => source.ToPromise(0));
        Assert.Throws<ArgumentNullException>(() => source.ToPromise(CancellationToken.None));
        Assert.Throws<ArgumentNullException>(() => source.ToPromise(0, CancellationToken.None));
    }

    private sealed class ThrowingObservable(Exception reason) : IObservable<int>
    {
        public IDisposable Subscribe(IObserver<int> observer) => throw reason;
    }
}
