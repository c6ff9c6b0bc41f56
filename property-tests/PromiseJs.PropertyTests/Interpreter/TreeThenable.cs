using PromiseJs.PropertyTests.Generators;

namespace PromiseJs.PropertyTests.Interpreter;

/// <summary>The foreign thenable a generated handler returns: it logs that its <c>Then</c> was called, calls back with its
/// result at its moment and, when it misbehaves, then calls both callbacks again (and throws, when it called back inside
/// <c>Then</c>), all of which the adopting promise must ignore (A+ 2.3.3.3.3, 2.3.3.3.4.1).</summary>
internal sealed class TreeThenable(TreeHandler.ReturnThenable script, Action onThen, Action<Moment, Action> at) : IThenable<int>
{
    public void Then(Action<int> onFulfilled, Action<Exception> onRejected)
    {
        onThen();
        at(script.When, () =>
        {
            if (script.Result is TreeValue.Fulfilled fulfilled)
            {
                onFulfilled(fulfilled.Value);
            }
            else
            {
                onRejected(new LawException(((TreeValue.Rejected)script.Result).Code));
            }

            if (script.Misbehaves)
            {
                onRejected(new LawException(998));
                onFulfilled(998);
            }
        });

        if (script.Misbehaves && script.When.IsImmediate)
        {
            throw new LawException(999);
        }
    }
}
