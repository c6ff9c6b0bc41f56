using PromiseJs.PropertyTests.Interpreter;

namespace PromiseJs.PropertyTests.Mutants;

/// <summary>Broken on purpose: a second resolve or reject of a <c>WithResolvers</c> handle replaces the outcome that later
/// consumers of the handle's promise see, as if a settled promise changed its value.</summary>
internal sealed class SettledValueChangesOperations : PromiseOperations
{
    public override ISettleHandle WithResolvers() => new ChangingHandle(Promise.WithResolvers<int>());

    public override string ToString() => "a settled promise changing its value";

    private sealed class ChangingHandle(PromiseWithResolvers<int> resolvers) : ISettleHandle
    {
        private bool _settled;

        public Promise<int> Promise { get; private set; } = resolvers.Promise;

        public void Resolve(int value) => Settle(() => resolvers.Resolve(value), () => PromiseJs.Promise.Resolve(value));

        public void Reject(Exception reason) => Settle(() => resolvers.Reject(reason), () => PromiseJs.Promise.Reject<int>(reason));

        private void Settle(Action first, Func<Promise<int>> replacement)
        {
            if (_settled)
            {
                Promise = replacement();
            }
            else
            {
                _settled = true;
                first();
            }
        }
    }
}
