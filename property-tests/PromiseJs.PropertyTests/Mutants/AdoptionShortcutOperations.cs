using PromiseJs.PropertyTests.Interpreter;

namespace PromiseJs.PropertyTests.Mutants;

/// <summary>Broken on purpose: a handler's returned promise is not adopted with JavaScript's two extra jobs; a settled
/// one settles the derived promise inside the handler's own job, a pending one is subscribed to directly.</summary>
internal sealed class AdoptionShortcutOperations : PromiseOperations
{
    public override Promise<int> ThenPromise(Promise<int> promise, Func<int, Promise<int>>? onFulfilled, Func<Exception, Promise<int>>? onRejected)
    {
        PromiseWithResolvers<int> derived = Promise.WithResolvers<int>();
        void Adopt(Func<Promise<int>> handler)
        {
            try
            {
                Promise<int> returned = handler();
                switch (returned.State)
                {
                    case PromiseState.Fulfilled:
                        derived.Resolve(returned.Value);
                        break;
                    case PromiseState.Rejected:
                        derived.Reject(returned.Reason!);
                        break;
                    default:
                        returned.Then(derived.Resolve, derived.Reject);
                        break;
                }
            }
            catch (Exception e)
            {
                derived.Reject(e);
            }
        }

        promise.Then(
            x =>
            {
                if (onFulfilled is null)
                {
                    derived.Resolve(x);
                }
                else
                {
                    Adopt(() => onFulfilled(x));
                }
            },
            e =>
            {
                if (onRejected is null)
                {
                    derived.Reject(e);
                }
                else
                {
                    Adopt(() => onRejected(e));
                }
            });
        return derived.Promise;
    }

    public override string ToString() => "adoption without its two extra jobs";
}
