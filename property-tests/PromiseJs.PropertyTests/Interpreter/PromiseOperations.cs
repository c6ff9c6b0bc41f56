namespace PromiseJs.PropertyTests.Interpreter;

/// <summary>The promise operations that generated programs are interpreted with: this class calls PromiseJs directly;
/// the deliberately broken variants in <c>Mutants/</c> override one operation each, still built on the real library,
/// so that the suite can show that each property catches them. Nothing of this reaches the shipped library.</summary>
public class PromiseOperations
{
    /// <summary>Gets the real operations.</summary>
    public static PromiseOperations Real { get; } = new();

    /// <summary><c>Promise.Resolve(value)</c>.</summary>
    public virtual Promise<int> Resolved(int value) => Promise.Resolve(value);

    /// <summary><c>Promise.Reject&lt;int&gt;(reason)</c>.</summary>
    public virtual Promise<int> Rejected(Exception reason) => Promise.Reject<int>(reason);

    /// <summary><c>new Promise&lt;int&gt;(executor)</c>.</summary>
    public virtual Promise<int> Create(Action<Action<int>, Action<Exception>> executor) => new(executor);

    /// <summary><c>Promise.WithResolvers&lt;int&gt;()</c>.</summary>
    public virtual ISettleHandle WithResolvers() => new Resolvers(Promise.WithResolvers<int>());

    /// <summary><c>Then(onFulfilled[, onRejected])</c>, or <c>Catch(onRejected)</c> without onFulfilled, with value handlers.</summary>
    public virtual Promise<int> ThenValue(Promise<int> promise, Func<int, int>? onFulfilled, Func<Exception, int>? onRejected) =>
        (onFulfilled, onRejected) switch
        {
            (null, null) => throw new ArgumentException("A handler is needed."),
            (null, _) => promise.Catch(onRejected),
            (_, null) => promise.Then(onFulfilled),
            _ => promise.Then(onFulfilled, onRejected),
        };

    /// <summary>The same with handlers that return promises (adopted).</summary>
    public virtual Promise<int> ThenPromise(Promise<int> promise, Func<int, Promise<int>>? onFulfilled, Func<Exception, Promise<int>>? onRejected) =>
        (onFulfilled, onRejected) switch
        {
            (null, null) => throw new ArgumentException("A handler is needed."),
            (null, _) => promise.Catch(onRejected),
            (_, null) => promise.Then(onFulfilled),
            _ => promise.Then(onFulfilled, onRejected),
        };

    /// <summary>The same with handlers that return foreign thenables (Then only: Catch has no thenable shape).</summary>
    public virtual Promise<int> ThenThenable(Promise<int> promise, Func<int, IThenable<int>> onFulfilled, Func<Exception, IThenable<int>>? onRejected) =>
        onRejected is null ? promise.Then(onFulfilled) : promise.Then(onFulfilled, onRejected);

    /// <summary>The same with handlers that return tasks.</summary>
    public virtual Promise<int> ThenTask(Promise<int> promise, Func<int, Task<int>>? onFulfilled, Func<Exception, Task<int>>? onRejected) =>
        (onFulfilled, onRejected) switch
        {
            (null, null) => throw new ArgumentException("A handler is needed."),
            (null, _) => promise.Catch(onRejected),
            (_, null) => promise.Then(onFulfilled),
            _ => promise.Then(onFulfilled, onRejected),
        };

    /// <summary><c>Finally(Action)</c>.</summary>
    public virtual Promise<int> Finally(Promise<int> promise, Action onFinally) => promise.Finally(onFinally);

    /// <summary><c>Finally(Func&lt;Promise&gt;)</c>.</summary>
    public virtual Promise<int> Finally(Promise<int> promise, Func<Promise> onFinally) => promise.Finally(onFinally);

    /// <summary><c>Promise.All</c>.</summary>
    public virtual Promise<int[]> All(Promise<int>[] promises) => Promise.All(promises);

    /// <summary><c>Promise.AllSettled</c>.</summary>
    public virtual Promise<PromiseSettledResult<int>[]> AllSettled(Promise<int>[] promises) => Promise.AllSettled(promises);

    /// <summary><c>Promise.Any</c>.</summary>
    public virtual Promise<int> Any(Promise<int>[] promises) => Promise.Any(promises);

    /// <summary><c>Promise.Race</c>.</summary>
    public virtual Promise<int> Race(Promise<int>[] promises) => Promise.Race(promises);

    /// <summary><c>Promise.Some</c>.</summary>
    public virtual Promise<int[]> Some(Promise<int>[] promises, int count) => Promise.Some(promises, count);

    /// <summary>Called when the synchronous part of a program has been built (a seam for variants that defer work).</summary>
    public virtual void EndOfSynchronousSection()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => "the real library";

    private sealed class Resolvers(PromiseWithResolvers<int> resolvers) : ISettleHandle
    {
        public Promise<int> Promise => resolvers.Promise;

        public void Resolve(int value) => resolvers.Resolve(value);

        public void Reject(Exception reason) => resolvers.Reject(reason);
    }
}
