using PromiseJs.PropertyTests.Interpreter;

namespace PromiseJs.PropertyTests.Mutants;

/// <summary>Broken on purpose: <c>Finally</c> ignores its callback's failure (a throw, or a rejected returned promise) and
/// passes the original outcome on.</summary>
internal sealed class FinallySwallowsRejectionOperations : PromiseOperations
{
    public override Promise<int> Finally(Promise<int> promise, Action onFinally) => base.Finally(promise, () =>
    {
        try
        {
            onFinally();
        }
        catch (Generators.LawException)
        {
            // The mutation: the callback's exception is dropped.
        }
    });

    public override Promise<int> Finally(Promise<int> promise, Func<Promise> onFinally) =>
        base.Finally(promise, () => onFinally().Catch(_ => { }));

    public override string ToString() => "Finally ignoring its callback's rejection";
}
