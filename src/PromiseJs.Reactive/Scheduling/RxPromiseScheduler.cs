using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using PromiseJs.Scheduling;

namespace PromiseJs.Reactive.Scheduling;

/// <summary>A promise scheduler that posts each callback as immediate work on an Rx scheduler.</summary>
internal sealed class RxPromiseScheduler(IScheduler scheduler) : PromiseScheduler
{
    private readonly IScheduler _scheduler = scheduler;

    protected override void Post(SendOrPostCallback callback, object? state) =>
        _scheduler.Schedule(
            (Callback: callback, State: state),
            static (_, work) =>
            {
                work.Callback(work.State);
                return Disposable.Empty;
            });
}
