using PromiseJs.PropertyTests.Interpreter;

namespace PromiseJs.PropertyTests.Mutants;

/// <summary>Broken on purpose: a value handler attached to an already fulfilled promise runs at once, inside the
/// <c>Then</c> call (against A+ 2.2.4).</summary>
internal sealed class SynchronousHandlerOperations : PromiseOperations
{
    public override Promise<int> ThenValue(Promise<int> promise, Func<int, int>? onFulfilled, Func<Exception, int>? onRejected)
    {
        if (promise.State != PromiseState.Fulfilled || onFulfilled is null)
        {
            return base.ThenValue(promise, onFulfilled, onRejected);
        }

        try
        {
            return Promise.Resolve(onFulfilled(promise.Value));
        }
        catch (Exception e)
        {
            return Promise.Reject<int>(e);
        }
    }

    public override string ToString() => "a handler run inside Then";
}
