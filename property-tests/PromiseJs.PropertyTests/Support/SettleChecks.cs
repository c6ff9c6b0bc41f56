using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Interpreter;
using static PromiseJs.PropertyTests.Support.Equivalence;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests.Support;

/// <summary>The settle-once check (A+ 2.1.2, 2.1.3, 2.3.3.3.3), written against <see cref="PromiseOperations"/> so the
/// mutant tests can run it against a broken variant.</summary>
internal static class SettleChecks
{
    /// <summary>Once settled, a promise never changes: later resolve/reject calls (and an executor that throws after
    /// settling) are ignored, whoever looks at the promise afterwards, and each handler runs exactly once.</summary>
    public static void SettlesOnceWithTheFirstCall(PromiseOperations operations, SettleScript script)
    {
        var observedAfterEachCall = new List<Observation>();
        int handlerRuns = 0;
        Promise<int> promise = InLoop(() =>
        {
            Promise<int> promise;
            if (script.ViaExecutor)
            {
                promise = operations.Create((resolve, reject) =>
                {
                    script.When.Run(() =>
                    {
                        foreach (PromiseOutcome call in script.Calls)
                        {
                            call.SettleWith(resolve, reject);
                        }
                    });
                    if (script.ExecutorThrowsCode is { } code)
                    {
                        throw new LawException(code);
                    }
                });
            }
            else
            {
                ISettleHandle handle = operations.WithResolvers();
                script.When.Run(() =>
                {
                    foreach (PromiseOutcome call in script.Calls)
                    {
                        call.SettleWith(handle.Resolve, handle.Reject);
                        observedAfterEachCall.Add(Observation.Of(handle.Promise));
                    }
                });

                // Read after the calls that happen at once: a consumer that comes later sees the promise as it is then.
                promise = handle.Promise;
            }

            promise.Then(_ => handlerRuns++, _ => handlerRuns++);
            return promise;
        });

        Observation expected = script.Expected.ToObservation();
        AssertEquivalent(expected, Observation.Of(promise));
        Assert.All(observedAfterEachCall, observed => Assert.Equal(expected, observed));
        Assert.Equal(1, handlerRuns);
    }
}
