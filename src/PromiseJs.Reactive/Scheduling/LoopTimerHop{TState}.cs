namespace PromiseJs.Reactive.Scheduling;

/// <summary>Due-time work scheduled on a <see cref="PromiseLoopScheduler"/> from another thread: posted to the loop as a task,
/// it creates the loop timer there, for what is left of the delay.</summary>
/// <typeparam name="TState">The type of the work's state.</typeparam>
internal sealed class LoopTimerHop<TState>(PromiseLoopScheduler owner, LoopWorkItem<TState> item, long start, TimeSpan dueTime)
{
    public void Start()
    {
        if (item.IsDisposed)
        {
            return;
        }

        TimeSpan remaining = dueTime - owner.TimeProvider.GetElapsedTime(start);
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        if (owner.IsOnLoop)
        {
            item.SetLoopTimer(PromiseLoop.SetTimeout(item.Invoke, remaining, owner.TimeProvider));
        }
        else
        {
            // The loop ended before the hop ran (the core then runs late posts on the thread pool): a plain timer still runs it.
            item.StartFallbackTimer(owner.TimeProvider, remaining);
        }
    }
}
