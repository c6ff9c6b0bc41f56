using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Time.Testing;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>Runs spec scenarios: <c>Scenarios.Run(mode, s =&gt; { … s.Done(); })</c>, then assert on what the handlers recorded.</summary>
internal static class Scenarios
{
    /// <summary>How long a scenario may take before the test fails (a safety net; scenarios take milliseconds).</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Runs a scenario that rejects no promise on purpose.</summary>
    public static void Run(Mode mode, Action<Scenario> body)
    {
        var scenario = new Scenario(new FakeTimeProvider());
        IRunner runner = mode switch
        {
            Mode.Loop => LoopRunner.Instance,
            Mode.ThreadPool => new ThreadPoolRunner(scenario),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };

        ExceptionDispatchInfo? runFailure = null;
        try
        {
            runner.Run(() =>
            {
                body(scenario);
                return scenario.WhenOver();
            });
        }
        catch (Exception exception)
        {
            runFailure = ExceptionDispatchInfo.Capture(exception);
        }

        Exception[] failures = [.. scenario.Failures];
        if (failures.Length == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Length > 1)
        {
            throw new AggregateException("The scenario failed more than once.", failures);
        }

        runFailure?.Throw();
    }

    /// <summary>
    /// Runs a scenario that rejects promises on purpose (some of them with nobody to handle them, as in the suite),
    /// inside <c>Promise.SuppressUnhandledRejections()</c> so that they are not reported as unhandled.
    /// </summary>
    public static void RunRejecting(Mode mode, Action<Scenario> body)
    {
        using (Promise.SuppressUnhandledRejections())
        {
            Run(mode, body);
        }
    }

    /// <summary>
    /// <see cref="RunRejecting"/> if <paramref name="rejecting"/>, else <see cref="Run(Mode, Action{Scenario})"/>: for
    /// helpers shared by a fulfillment and a rejection case.
    /// </summary>
    public static void Run(Mode mode, bool rejecting, Action<Scenario> body)
    {
        if (rejecting)
        {
            RunRejecting(mode, body);
        }
        else
        {
            Run(mode, body);
        }
    }
}
