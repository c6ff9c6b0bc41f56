namespace PromiseJs.Tests.Spec.Support;

/// <summary>Where a scenario runs, and so where its handlers run.</summary>
public enum Mode
{
    /// <summary>Inside <c>PromiseLoop.Run</c>: one thread, JavaScript's order; timers are loop timers.</summary>
    Loop,

    /// <summary>
    /// Without a loop: handlers run on the shared serial thread-pool queue; timers run on a fake clock that the test
    /// thread advances between drains of that queue, waiting (bounded) with <c>Wait(TimeSpan)</c>.
    /// </summary>
    ThreadPool,
}
