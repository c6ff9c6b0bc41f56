using System.Reactive.Linq;
using System.Reactive.Subjects;
using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests;

/// <summary><c>observable.FirstToPromise()</c>: the first value, unsubscribing at once (RxJS's <c>firstValueFrom</c>).</summary>
public sealed class FirstToPromiseTests
{
    [Fact]
    public void FirstToPromise_HotSubjectThatNeverCompletes_FulfillsWithTheFirstValueAndLeavesNoObserver()
    {
        var subject = new Subject<int>();

        Promise<int> promise = subject.FirstToPromise();
        Assert.True(subject.HasObservers);
        subject.OnNext(1);

        Assert.Equal(1, promise.Value);
        Assert.False(subject.HasObservers);
        subject.OnNext(2);
        Assert.Equal(1, promise.Value);
    }

    [Fact]
    public void FirstToPromise_EndlessTimer_FulfillsAtTheFirstTickAndStopsTheTimer()
    {
        using var time = new VirtualTime();
        int ticks = 0;
        bool unsubscribed = false;
        IObservable<long> source = Observable.Interval(TimeSpan.FromSeconds(2), time.Scheduler)
            .Do(_ => ticks++)
            .Finally(() => unsubscribed = true);

        Promise<long> promise = source.FirstToPromise();
        time.AdvanceTo(1);
        Assert.Equal(PromiseState.Pending, promise.State);
        time.AdvanceTo(2);

        Assert.Equal(0L, promise.Value);
        Assert.True(unsubscribed);
        time.AdvanceTo(60);
        Assert.Equal(1, ticks);
    }

    [Fact]
    public void FirstToPromise_SynchronousSource_StopsItAfterTheFirstValue()
    {
        int produced = 0;

        Promise<int> promise = Observable.Range(1, 1_000_000).Do(_ => produced++).FirstToPromise();

        Assert.Equal(1, promise.Value);
        Assert.Equal(1, produced);
    }

    [Fact]
    public void FirstToPromise_EndlessSynchronousSource_Returns()
    {
        Promise<string> promise = Observable.Repeat("again").FirstToPromise();

        Assert.Equal("again", promise.Value);
    }

    [Fact]
    public void FirstToPromise_EmptySequence_RejectsWithInvalidOperationException()
    {
        using var time = new VirtualTime();

        Promise<int> promise = Observable.Empty<int>(time.Scheduler).FirstToPromise();
        time.AdvanceTo(1);

        var reason = Assert.IsType<InvalidOperationException>(Rejections.ReasonOf(promise));
        Assert.Equal("Sequence contains no elements.", reason.Message);
    }

    [Fact]
    public void FirstToPromise_EmptySequenceWithDefault_FulfillsWithTheDefault()
    {
        using var time = new VirtualTime();

        Promise<int> promise = Observable.Empty<int>(time.Scheduler).FirstToPromise(-1);
        time.AdvanceTo(1);

        Assert.Equal(-1, promise.Value);
    }

    [Fact]
    public void FirstToPromise_ValueWithDefault_FulfillsWithTheValue()
    {
        Assert.Equal(3, Observable.Return(3).FirstToPromise(-1).Value);
    }

    [Fact]
    public void FirstToPromise_SourceFailsFirst_RejectsWithThatException()
    {
        using var time = new VirtualTime();
        var reason = new TimeoutException();

        Promise<int> promise = Observable.Throw<int>(reason, time.Scheduler).FirstToPromise();
        time.AdvanceTo(1);

        Assert.Same(reason, Rejections.ReasonOf(promise));
    }

    [Fact]
    public void FirstToPromise_SourceFailsAfterTheFirstValue_StaysFulfilled()
    {
        var subject = new Subject<int>();
        Promise<int> promise = subject.FirstToPromise();

        subject.OnNext(1);
        subject.OnError(new FormatException());

        Assert.Equal(1, promise.Value);
    }

    [Fact]
    public void FirstToPromise_TokenCancelled_DisposesTheSubscriptionAndRejectsWithOperationCanceledException()
    {
        using var time = new VirtualTime();
        using var cancellation = new CancellationTokenSource();
        var subject = new Subject<int>();
        Promise<int> promise = subject.FirstToPromise(cancellation.Token);
        time.At(5, cancellation.Cancel);
        time.At(6, () => subject.OnNext(1));

        time.AdvanceTo(4);
        Assert.True(subject.HasObservers);
        time.AdvanceTo(6);

        Assert.False(subject.HasObservers);
        var reason = Assert.IsType<OperationCanceledException>(Rejections.ReasonOf(promise));
        Assert.Equal(cancellation.Token, reason.CancellationToken);
    }

    [Fact]
    public void FirstToPromise_TokenAlreadyCancelled_RejectsWithoutSubscribing()
    {
        var subject = new Subject<int>();

        Promise<int> promise = subject.FirstToPromise(0, new CancellationToken(canceled: true));

        Assert.False(subject.HasObservers);
        Assert.IsType<OperationCanceledException>(Rejections.ReasonOf(promise));
    }

    [Fact]
    public void FirstToPromise_FirstValueBeforeCancellation_KeepsTheValue()
    {
        using var cancellation = new CancellationTokenSource();
        var subject = new Subject<int>();
        Promise<int> promise = subject.FirstToPromise(cancellation.Token);

        subject.OnNext(4);
        cancellation.Cancel();

        Assert.Equal(4, promise.Value);
    }

    [Fact]
    public void FirstToPromise_Null_ThrowsArgumentNullException()
    {
        IObservable<int> source = null!;

        Assert.Throws<ArgumentNullException>(() => source.FirstToPromise());
        Assert.Throws<ArgumentNullException>(() => source.FirstToPromise(0));
        Assert.Throws<ArgumentNullException>(() => source.FirstToPromise(CancellationToken.None));
        Assert.Throws<ArgumentNullException>(() => source.FirstToPromise(0, CancellationToken.None));
    }
}
