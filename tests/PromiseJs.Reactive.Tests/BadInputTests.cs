using System.Reactive.Linq;

namespace PromiseJs.Reactive.Tests;

/// <summary>
/// Bad input and misuse at the entry points of the Rx bridge, as a table: each row names the member and the bad input and
/// gives the exception type and a fragment of the message that says what to do. A row whose documented answer is an error
/// delivered later (the promise's rejection, the subscription's <c>OnError</c>) says so. (Null arguments are
/// <see cref="NullArgumentTests"/>' job.)
/// </summary>
public sealed class BadInputTests
{
    private static readonly Dictionary<string, Row> s_rows = new()
    {
        ["PromiseLoopScheduler.Current | outside a loop"] =
            Throws<InvalidOperationException>(() => _ = PromiseLoopScheduler.Current, "inside PromiseLoop.Run"),
        ["PromiseLoopScheduler.FromCurrentLoop(TimeProvider) | outside a loop"] =
            Throws<InvalidOperationException>(() => PromiseLoopScheduler.FromCurrentLoop(TimeProvider.System), "inside PromiseLoop.Run"),
        ["PromiseLoopScheduler.FromCurrentLoop(TimeProvider) | in a loop, under another SynchronizationContext"] =
            Throws<InvalidOperationException>(FromLoopUnderAnotherContext, "create it outside code that installs another one"),
        ["PromiseLoopScheduler.Schedule<TState>(TState, TimeSpan, Func<…>) | TimeSpan.MaxValue, on the loop"] =
            Throws<ArgumentOutOfRangeException>(() => ScheduleInLoop(TimeSpan.MaxValue, onLoop: true), "'dueTime'"),
        ["PromiseLoopScheduler.Schedule<TState>(TState, TimeSpan, Func<…>) | TimeSpan.MaxValue, off the loop"] =
            Throws<ArgumentOutOfRangeException>(() => ScheduleInLoop(TimeSpan.MaxValue, onLoop: false), "'dueTime'"),
        ["PromiseLoopScheduler.Schedule<TState>(TState, DateTimeOffset, Func<…>) | DateTimeOffset.MaxValue"] =
            Throws<ArgumentOutOfRangeException>(() => ScheduleAtInLoop(DateTimeOffset.MaxValue), "'dueTime'"),
        ["PromiseObservable.Defer<T>(Func<Promise<T>>) | the factory returns null (the subscription's error)"] =
            Errors<InvalidOperationException>(() => PromiseObservable.Defer(() => (Promise<int>)null!).Select(_ => 0), "return the promise"),
        ["PromiseObservable.Defer(Func<CancellationToken, Promise>) | the factory returns null (the subscription's error)"] =
            Errors<InvalidOperationException>(() => PromiseObservable.Defer(_ => (Promise)null!).Select(_ => 0), "return the promise"),
        ["PromiseObservableExtensions.ToPromise<T>(IObservable<T>) | an empty sequence (rejects, in Rx's words)"] =
            Errors<InvalidOperationException>(() => Observable.Empty<int>().ToPromise().ToObservable(), "Sequence contains no elements"),
        ["PromiseObservableExtensions.FirstToPromise<T>(IObservable<T>) | an empty sequence (rejects, in Rx's words)"] =
            Errors<InvalidOperationException>(() => Observable.Empty<int>().FirstToPromise().ToObservable(), "Sequence contains no elements"),
    };

    public static TheoryData<string> Rows => [.. s_rows.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public void PublicMember_BadInput_FailsClearly(string row)
    {
        Row expected = s_rows[row];

        Exception? exception = expected.Call is { } call ? Record.Exception(call) : ErrorOf(expected.Source!);

        Assert.True(exception is not null, $"{row}: no exception; expected {expected.Exception.Name}.");
        Assert.True(exception.GetType() == expected.Exception, $"{row}: {exception.GetType().Name} instead of {expected.Exception.Name}: {exception}");
        Assert.Contains(expected.Fragment, exception.Message, StringComparison.Ordinal);
    }

    private static Row Throws<TException>(Action call, string fragment)
        where TException : Exception => new(typeof(TException), fragment, call, null);

    private static Row Errors<TException>(Func<IObservable<int>> source, string fragment)
        where TException : Exception => new(typeof(TException), fragment, null, source);

    // Subscribes inside a loop (where the promise side settles) and returns the error the subscription ended with, or null.
    private static Exception? ErrorOf(Func<IObservable<int>> source)
    {
        Exception? error = null;
        PromiseLoop.Run(() =>
        {
            var ended = Promise.WithResolvers();
            source().Subscribe(_ => { }, e =>
            {
                error = e;
                ended.Resolve();
            }, ended.Resolve);
            return ended.Promise;
        });
        return error;
    }

    // Schedules from the loop thread, or from the thread pool (the scheduler then hops to the loop before it starts the timer).
    private static void ScheduleInLoop(TimeSpan dueTime, bool onLoop) =>
        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler scheduler = PromiseLoopScheduler.Current;
            if (onLoop)
            {
                scheduler.Schedule(0, dueTime, (_, _) => System.Reactive.Disposables.Disposable.Empty);
                return Promise.Resolve();
            }

            return Promise.From(Task.Run(() => scheduler.Schedule(0, dueTime, (_, _) => System.Reactive.Disposables.Disposable.Empty)));
        });

    private static void ScheduleAtInLoop(DateTimeOffset dueTime) =>
        PromiseLoop.Run(() =>
        {
            PromiseLoopScheduler.Current.Schedule(0, dueTime, (_, _) => System.Reactive.Disposables.Disposable.Empty);
            return Promise.Resolve();
        });

    private static void FromLoopUnderAnotherContext() =>
        PromiseLoop.Run(() =>
        {
            SynchronizationContext? loopContext = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
            try
            {
                _ = PromiseLoopScheduler.FromCurrentLoop(TimeProvider.System);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(loopContext);
            }

            return Promise.Resolve();
        });

    private sealed record Row(Type Exception, string Fragment, Action? Call, Func<IObservable<int>>? Source);
}
