using PromiseJs.PropertyTests.Interpreter;

namespace PromiseJs.PropertyTests.Mutants;

/// <summary>Broken on purpose: a <c>Then</c> without onRejected turns a rejection into a fulfillment with 0 instead of
/// passing it through (against A+ 2.2.7.4).</summary>
internal sealed class PassThroughSwallowsRejectionOperations : PromiseOperations
{
    public override Promise<int> ThenValue(Promise<int> promise, Func<int, int>? onFulfilled, Func<Exception, int>? onRejected) =>
        base.ThenValue(promise, onFulfilled, onRejected ?? (_ => 0));

    public override string ToString() => "a rejection not passed through a Then without onRejected";
}
