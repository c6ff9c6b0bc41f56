using PromiseJs.TestSupport;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated promise-returning function (a Kleisli arrow, <c>int → Promise&lt;int&gt;</c>): it computes
/// <see cref="Map"/> of its argument and returns something that settles with that outcome at <see cref="When"/>: a
/// promise, a task or a foreign thenable (<see cref="Shape"/>).</summary>
internal sealed record PromiseFunction(IntFunction Map, Later When, ReturnShape Shape, bool Misbehaves = false)
{
    public PromiseOutcome OutcomeFor(int x) => Map.OutcomeFor(x);

    /// <summary>Calls the function and turns what it returns into a promise (<c>Promise.From</c> for a task,
    /// <c>Promise.Resolve</c> for a thenable); never throws.</summary>
    public Promise<int> Invoke(int x) => Shape switch
    {
        ReturnShape.Promise => InvokePromise(x),
        ReturnShape.Task => Promise.From(InvokeTask(x)),
        _ => Promise.Resolve(InvokeThenable(x)),
    };

    /// <summary><c>promise.Then(f)</c> with the Then overload of this function's shape.</summary>
    public Promise<int> BindTo(Promise<int> promise) => Shape switch
    {
        ReturnShape.Promise => promise.Then(x => InvokePromise(x)),
        ReturnShape.Task => promise.Then(x => InvokeTask(x)),
        _ => promise.Then(x => InvokeThenable(x)),
    };

    /// <summary><c>promise.Catch(e => f(code))</c> with the Catch overload of this function's shape.</summary>
    public Promise<int> RecoverFrom(Promise<int> promise, Func<Exception, int> codeOf) => Shape switch
    {
        ReturnShape.Promise => promise.Catch(e => InvokePromise(codeOf(e))),
        ReturnShape.Task => promise.Catch(e => InvokeTask(codeOf(e))),
        // Catch has no thenable shape: adopt the thenable explicitly.
        _ => promise.Catch(e => Promise.Resolve(InvokeThenable(codeOf(e)))),
    };

    public override string ToString() =>
        $"x => {Shape.ToString().ToLowerInvariant()} of ({Map}) {When}{(Misbehaves && Shape == ReturnShape.Thenable ? ", calling back twice" : "")}";

    private Promise<int> InvokePromise(int x) => new Settlement(OutcomeFor(x), When).Build();

    private Task<int> InvokeTask(int x)
    {
        PromiseOutcome outcome = OutcomeFor(x);
        if (When.Timing is SettleTiming.Now or SettleTiming.Executor)
        {
            return outcome is PromiseOutcome.Fulfilled f
                ? Task.FromResult(f.Value)
                : Task.FromException<int>(new LawException(((PromiseOutcome.Rejected)outcome).Code));
        }

        var completion = new TaskCompletionSource<int>();
        When.Run(() => outcome.SettleWith(completion.SetResult, completion.SetException));
        return completion.Task;
    }

    // CA1859 (return the concrete type): adoption is type-directed; typed as IThenable<int>, the handler binds to the
    // thenable overload of Then and Promise.Resolve adopts it.
#pragma warning disable CA1859
    // A foreign thenable that calls back with the outcome at When and, when it misbehaves, then calls both callbacks again
    // (and throws, when it called back inside Then), all of which an adopting promise must ignore (A+ 2.3.3.3.3, 2.3.3.3.4.1).
    private IThenable<int> InvokeThenable(int x)
    {
        PromiseOutcome outcome = OutcomeFor(x);
        return new ScriptedThenable<int>((onFulfilled, onRejected) =>
        {
            When.Run(() =>
            {
                outcome.SettleWith(onFulfilled, onRejected);
                if (Misbehaves)
                {
                    onRejected(new LawException(998));
                    onFulfilled(998);
                }
            });

            if (Misbehaves && When.Timing is SettleTiming.Now or SettleTiming.Executor)
            {
                throw new LawException(999);
            }
        });
    }
#pragma warning restore CA1859
}
