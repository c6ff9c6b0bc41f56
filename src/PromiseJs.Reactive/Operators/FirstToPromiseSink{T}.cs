using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace PromiseJs.Reactive.Operators;

/// <summary>The sink of <c>observable.FirstToPromise()</c>: settles with the first value and unsubscribes at once.</summary>
/// <typeparam name="T">The type of the values.</typeparam>
internal sealed class FirstToPromiseSink<T>(bool hasDefault, T defaultValue) : PromiseSink<T>(hasDefault, defaultValue)
{
    public override void OnNext(T value) => Settle(value, null);

    // After the first value this is ignored, like every notification that follows it.
    public override void OnCompleted() => Complete(hasValue: false, default!);

    protected override void Start(IObservable<T> source)
    {
        if (!CurrentThreadScheduler.IsScheduleRequired)
        {
            Connect(source);
            return;
        }

        // Subscribe inside a trampoline, as Rx's own operators do: a source that emits on the current thread (Range, Repeat,
        // Return on the default schedulers) then queues its values until Subscribe has returned, so the first value can
        // dispose the subscription instead of running an endless source to its end inside Subscribe.
        CurrentThreadScheduler.Instance.Schedule(
            (Sink: this, Source: source),
            static (_, work) =>
            {
                work.Sink.Connect(work.Source);
                return Disposable.Empty;
            });
    }
}
