namespace PromiseJs.PropertyTests.Generators;

/// <summary>A moment on the running loop, relative to now: <see cref="SettleTiming"/> plus an amount (microtask ticks or
/// milliseconds).</summary>
internal readonly record struct Later(SettleTiming Timing, int Amount)
{
    public static Later Now => new(SettleTiming.Now, 0);

    /// <summary>Runs <paramref name="action"/> at this moment; <see cref="SettleTiming.Now"/> and
    /// <see cref="SettleTiming.Executor"/> run it at once.</summary>
    public void Run(Action action)
    {
        switch (Timing)
        {
            case SettleTiming.Now:
            case SettleTiming.Executor:
                action();
                break;
            case SettleTiming.Microtasks:
                AfterTicks(Amount, action);
                break;
            case SettleTiming.Immediate:
                PromiseLoop.SetImmediate(action);
                break;
            case SettleTiming.Timeout:
                PromiseLoop.SetTimeout(action, Amount);
                break;
            case SettleTiming.Delay:
                Promise.Delay(Amount).Then(action);
                break;
            default:
                throw new InvalidOperationException($"Unknown timing {Timing}.");
        }
    }

    public override string ToString() => Timing switch
    {
        SettleTiming.Microtasks => $"after {Amount} microtask(s)",
        SettleTiming.Timeout => $"by SetTimeout({Amount})",
        SettleTiming.Delay => $"after Delay({Amount})",
        _ => Timing.ToString().ToLowerInvariant(),
    };

    private static void AfterTicks(int ticks, Action action)
    {
        if (ticks <= 1)
        {
            PromiseLoop.QueueMicrotask(action);
        }
        else
        {
            PromiseLoop.QueueMicrotask(() => AfterTicks(ticks - 1, action));
        }
    }
}
