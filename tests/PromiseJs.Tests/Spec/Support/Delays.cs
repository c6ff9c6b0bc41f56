namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The suite's timer delays, scaled down (the original uses 50, 100 and 150 ms). Only their order matters: timers
/// created together fire in the order of their delays, and no test asserts on elapsed time. On a loop they are real loop
/// timers; in the thread-pool mode they run on the scenario's fake clock, which the runner moves from one due time to the
/// next once the queued handlers have run (see <see cref="ThreadPoolRunner"/>).
/// </summary>
internal static class Delays
{
    /// <summary><c>setTimeout(…, 0)</c>: the next macrotask.</summary>
    public const int Now = 0;

    /// <summary>One step of a sequence of timers (the suite's 50/100/150 ms become Step, 2 × Step, 3 × Step).</summary>
    public const int Step = 10;

    /// <summary>When an "eventually" promise settles (the suite's 50 ms).</summary>
    public const int Eventually = Step;

    /// <summary>How long a "must not be called" check lets the scenario run (the suite's 100–150 ms).</summary>
    public const int Window = 3 * Step;
}
