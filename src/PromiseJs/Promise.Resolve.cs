using System.Runtime.ExceptionServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    // Settled promises are immutable, so one fulfilled value-less promise serves every caller.
    private static readonly Promise<VoidResult> s_resolved = new(default(VoidResult));

    /// <summary>Returns a fulfilled promise of no value.</summary>
    /// <returns>A promise of no value that is already fulfilled (one shared instance).</returns>
    public static Promise Resolve() => s_resolved;

    /// <summary>Returns a promise already fulfilled with <paramref name="value"/>.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value to fulfill with, <see langword="null"/> included. An instance of a concrete thenable
    /// class that lands here is the value itself, not adopted: type it as <see cref="IThenable{T}"/> to adopt it.</param>
    /// <returns>A new promise already fulfilled with <paramref name="value"/>.</returns>
    public static Promise<T> Resolve<T>(T value) => new(value);

    /// <summary>Returns <paramref name="promise"/> itself, as JavaScript's <c>Promise.resolve</c> does for a native promise.</summary>
    /// <typeparam name="T">The promise's value type.</typeparam>
    /// <param name="promise">The promise to return.</param>
    /// <returns>The same <paramref name="promise"/> instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    public static Promise<T> Resolve<T>(Promise<T> promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise;
    }

    /// <summary>Returns a promise that adopts <paramref name="thenable"/> (Promises/A+ 2.3.3): its <c>Then</c> is called once,
    /// in a later job, and only the first callback counts. A <see cref="Promise{T}"/> of this library comes back as itself.</summary>
    /// <typeparam name="T">The type of the value the thenable delivers.</typeparam>
    /// <param name="thenable">The promise-like to adopt; if it is a <see cref="Promise{T}"/> of this library, it is
    /// returned as is.</param>
    /// <returns>A new promise that settles as <paramref name="thenable"/> does: fulfilled with the value of its first
    /// callback to be called, or rejected with the exception its <c>Then</c> throws or passes to the rejection
    /// callback; or, for a <see cref="Promise{T}"/>, that same instance.</returns>
    /// <remarks>Adoption is type-directed: an expression of a concrete thenable class must be typed as
    /// <see cref="IThenable{T}"/> to be adopted rather than fulfilled with.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="thenable"/> is <see langword="null"/>.</exception>
    public static Promise<T> Resolve<T>(IThenable<T> thenable)
    {
        ArgumentNullException.ThrowIfNull(thenable);
        if (thenable is Promise<T> promise)
        {
            return promise;
        }

        var adoption = new AdoptionReaction<T>();
        adoption.ResolveWithThenable(thenable);
        return adoption;
    }

    /// <summary>Returns a promise of no value already rejected with <paramref name="reason"/>.</summary>
    /// <param name="reason">The exception to reject with.</param>
    /// <returns>A promise of no value already rejected with <paramref name="reason"/>; unless it gets a handler it is
    /// reported through <see cref="UnhandledRejection"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static Promise Reject(Exception reason) => Reject<VoidResult>(reason);

    /// <summary>Returns a promise already rejected with <paramref name="reason"/>.</summary>
    /// <typeparam name="T">The value type the promise would have had.</typeparam>
    /// <param name="reason">The exception to reject with.</param>
    /// <returns>A promise already rejected with <paramref name="reason"/>; unless it gets a handler it is reported
    /// through <see cref="UnhandledRejection"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static Promise<T> Reject<T>(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var promise = new Promise<T>();
        promise.SetRejected(ExceptionDispatchInfo.Capture(reason));
        return promise;
    }

    /// <summary>Creates a pending promise together with the functions that settle it (JavaScript's <c>Promise.withResolvers</c>).</summary>
    /// <typeparam name="T">The value type of the promise.</typeparam>
    /// <returns>A new pending promise and the two functions that settle it; only the first call of either
    /// counts.</returns>
    public static PromiseWithResolvers<T> WithResolvers<T>() => new(new Promise<T>());

    /// <summary>Creates a pending promise of no value together with the functions that settle it.</summary>
    /// <returns>A new pending promise of no value and the two functions that settle it; only the first call of either
    /// counts.</returns>
    public static PromiseWithResolvers WithResolvers() => new(new Promise<VoidResult>());
}
