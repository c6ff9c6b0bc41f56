namespace PromiseJs.PropertyTests.Generators;

/// <summary>A hand-written foreign thenable: it calls back with its outcome at a generated moment and, when it
/// <see cref="Misbehaves"/>, then calls both callbacks again (and throws, when it called back inside <c>Then</c>), all of
/// which an adopting promise must ignore (Promises/A+ 2.3.3.3.3 and 2.3.3.3.4.1).</summary>
internal sealed class ScriptedThenable(PromiseOutcome outcome, Later when, bool misbehaves) : IThenable<int>
{
    public bool Misbehaves => misbehaves;

    public void Then(Action<int> onFulfilled, Action<Exception> onRejected)
    {
        when.Run(() =>
        {
            outcome.SettleWith(onFulfilled, onRejected);
            if (misbehaves)
            {
                onRejected(new LawException(998));
                onFulfilled(998);
            }
        });

        if (misbehaves && when.Timing is SettleTiming.Now or SettleTiming.Executor)
        {
            throw new LawException(999);
        }
    }
}
