namespace PromiseJs.Internal;

// The argument checks of every member that takes a delay or a timeout, so they all refuse the same values with the same
// words: at the call, naming the parameter, instead of an exception about a "dueTime" from deep inside a timer.
internal static class TimeSpanChecks
{
    // The longest a timer can wait (Timer's limit, which Task.Delay and Task.WaitAsync check too): 2^32 - 2 milliseconds.
    private const double MaxTimerMilliseconds = uint.MaxValue - 1;

    // A delay: zero or more, and no longer than a timer can wait.
    public static void Delay(TimeSpan delay, string paramName)
    {
        if (delay < TimeSpan.Zero || delay.TotalMilliseconds > MaxTimerMilliseconds)
        {
            throw new ArgumentOutOfRangeException(paramName, delay,
                $"The {paramName} must be zero or more and at most {uint.MaxValue - 1} milliseconds (about 49.7 days), the longest a timer can wait.");
        }
    }

    // Whether a timer can wait that long (a positive delay computed later, such as Retry's backoff).
    public static bool FitsATimer(TimeSpan delay) => delay.TotalMilliseconds <= MaxTimerMilliseconds;

    // The reason for a delay a timer cannot wait that was only known later, e.g. "backoff" "returned after attempt 2".
    public static ArgumentOutOfRangeException TooLongForATimer(string paramName, TimeSpan delay, string when) =>
        new(paramName, delay,
            $"The {paramName} {when} is {delay}, longer than a timer can wait ({uint.MaxValue - 1} milliseconds, about 49.7 days).");

    // A timeout measured by a timer: a delay, or Timeout.InfiniteTimeSpan for no limit.
    public static void TimerTimeout(TimeSpan timeout, string paramName)
    {
        if (timeout != Timeout.InfiniteTimeSpan && (timeout < TimeSpan.Zero || timeout.TotalMilliseconds > MaxTimerMilliseconds))
        {
            throw new ArgumentOutOfRangeException(paramName, timeout,
                $"The {paramName} must be zero or more and at most {uint.MaxValue - 1} milliseconds (about 49.7 days), or Timeout.InfiniteTimeSpan.");
        }
    }

    // A timeout of a blocking wait (a wait handle's limit, which Task.Wait checks too): up to int.MaxValue milliseconds.
    public static void WaitTimeout(TimeSpan timeout, string paramName)
    {
        if (timeout != Timeout.InfiniteTimeSpan && (timeout < TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(paramName, timeout,
                $"The {paramName} must be zero or more and at most {int.MaxValue} milliseconds (about 24.8 days), or Timeout.InfiniteTimeSpan.");
        }
    }
}
