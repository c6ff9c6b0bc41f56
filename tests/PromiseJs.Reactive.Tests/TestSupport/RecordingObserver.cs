using System.Globalization;
using System.Reactive.Concurrency;

namespace PromiseJs.Reactive.Tests.TestSupport;

/// <summary>An observer that writes every notification into <see cref="Log"/> as text, with the virtual time it arrived at
/// when it is given a clock ("OnNext(42)@5s"), and the thread it arrived on.</summary>
/// <typeparam name="T">The type of the values.</typeparam>
internal sealed class RecordingObserver<T>(IScheduler? clock = null) : IObserver<T>
{
    private readonly DateTimeOffset _start = clock?.Now ?? default;

    public List<string> Log { get; } = [];

    public List<int> Threads { get; } = [];

    public Exception? Error { get; private set; }

    public void OnNext(T value) => Record($"OnNext({Convert.ToString(value, CultureInfo.InvariantCulture)})");

    public void OnError(Exception error)
    {
        Error = error;
        Record($"OnError({error.GetType().Name})");
    }

    public void OnCompleted() => Record("OnCompleted");

    private void Record(string notification)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Log.Add(clock is null
            ? notification
            : $"{notification}@{(clock.Now - _start).TotalSeconds.ToString(CultureInfo.InvariantCulture)}s");
    }
}
