using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

// LINQ query syntax over a promise: `from a in p from b in q where a < b select a + b`. Each operator is a Then: it runs
// asynchronously, rejections pass through, and a selector that throws rejects.
public partial class Promise<T>
{
    /// <summary>Projects the value (a query's <c>select</c>); the same as <c>Then(selector)</c>.</summary>
    /// <typeparam name="TResult">The type of the projected value.</typeparam>
    /// <param name="selector">Called with this promise's value once it fulfills, asynchronously, never inside this
    /// call; its return value fulfills the returned promise, an exception it throws rejects it. Not called if this
    /// promise rejects.</param>
    /// <returns>A new promise of the projected value; it rejects with the exception <paramref name="selector"/> throws,
    /// or with this promise's reason if this promise rejects.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    public Promise<TResult> Select<TResult>(Func<T, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Attach(new ThenReaction<T, TResult>(selector, HandlerKind.Value, null, HandlerKind.None));
    }

    /// <summary>Projects the value to a promise, which the returned promise adopts (never a promise of a promise, as with
    /// <c>Then</c>; <see langword="null"/> counts as <c>default</c>).</summary>
    /// <typeparam name="TResult">The value type of the promise <paramref name="selector"/> returns.</typeparam>
    /// <param name="selector">Called with this promise's value once it fulfills, asynchronously, never inside this
    /// call; the promise it returns is adopted (<see langword="null"/> counts as <c>default</c>), an exception it
    /// throws rejects the returned promise. Not called if this promise rejects.</param>
    /// <returns>A new promise that settles as the promise <paramref name="selector"/> returns does; it rejects with the
    /// exception <paramref name="selector"/> throws, or with this promise's reason if this promise rejects.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise<TResult> Select<TResult>(Func<T, Promise<TResult>?> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Attach(new ThenReaction<T, TResult>(selector, HandlerKind.Promise, null, HandlerKind.None));
    }

    /// <summary>Chains a promise that depends on the value (a query's second <c>from</c>); the same as <c>Then(selector)</c>
    /// with a promise-returning <paramref name="selector"/> (<see langword="null"/> counts as <c>default</c>).</summary>
    /// <typeparam name="TResult">The value type of the promise <paramref name="selector"/> returns.</typeparam>
    /// <param name="selector">Called with this promise's value once it fulfills, asynchronously, never inside this
    /// call; the promise it returns is adopted, an exception it throws rejects the returned promise. Not called if this
    /// promise rejects.</param>
    /// <returns>A new promise that settles as the promise <paramref name="selector"/> returns does; it rejects with the
    /// exception <paramref name="selector"/> throws, or with this promise's reason if this promise rejects.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    public Promise<TResult> SelectMany<TResult>(Func<T, Promise<TResult>?> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Attach(new ThenReaction<T, TResult>(selector, HandlerKind.Promise, null, HandlerKind.None));
    }

    /// <summary>Chains a promise that depends on the value and combines both values (what
    /// <c>from a in p from b in q(a) select f(a, b)</c> compiles to).</summary>
    /// <typeparam name="TCollection">The value type of the second promise.</typeparam>
    /// <typeparam name="TResult">The type of the combined value.</typeparam>
    /// <param name="collectionSelector">Returns the second promise for the value (<see langword="null"/> counts as a promise of <c>default</c>).</param>
    /// <param name="resultSelector">Combines the value with the second promise's value.</param>
    /// <returns>A new promise of <paramref name="resultSelector"/>'s value for this promise's value and the second
    /// promise's value; it rejects with this promise's reason, the second promise's reason, or the exception either
    /// selector throws.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="collectionSelector"/> or <paramref name="resultSelector"/> is <see langword="null"/>.</exception>
    public Promise<TResult> SelectMany<TCollection, TResult>(
        Func<T, Promise<TCollection>?> collectionSelector, Func<T, TCollection, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(collectionSelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        Func<T, Promise<TResult>?> handler = value => collectionSelector(value) is { } inner
            ? inner.Then(second => resultSelector(value, second))
            : Resolve(resultSelector(value, default!));
        return Attach(new ThenReaction<T, TResult>(handler, HandlerKind.Promise, null, HandlerKind.None));
    }

    /// <summary>Passes the value on if it satisfies <paramref name="predicate"/> (a query's <c>where</c>); otherwise the returned
    /// promise rejects with <see cref="InvalidOperationException"/> (as <c>First</c> throws when nothing matches). A
    /// rejection passes through; a predicate that throws rejects with what it threw.</summary>
    /// <param name="predicate">Called with this promise's value once it fulfills, asynchronously, never inside this
    /// call; <see langword="true"/> passes the value on. Not called if this promise rejects.</param>
    /// <returns>A new promise that fulfills with this promise's value if <paramref name="predicate"/> accepts it, and
    /// otherwise rejects: with an <see cref="InvalidOperationException"/> if the predicate returns
    /// <see langword="false"/>, with the exception it throws, or with this promise's reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    public Promise<T> Where(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Func<T, T> handler = value => predicate(value)
            ? value
            : throw new InvalidOperationException("The promise's value did not satisfy the Where predicate (a query's where clause), so the promise rejects.");
        return Attach(new ThenReaction<T, T>(handler, HandlerKind.Value, null, HandlerKind.None));
    }
}
