using System.Runtime.ExceptionServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    // Settled promises are immutable, so one fulfilled value-less promise serves every caller.
    private static readonly Promise<VoidResult> s_resolved = new(default(VoidResult));

    /// <summary>Returns a fulfilled promise of no value.</summary>
    public static Promise Resolve() => s_resolved;

    /// <summary>Returns a promise already fulfilled with <paramref name="value"/>.</summary>
    public static Promise<T> Resolve<T>(T value) => new(value);

    /// <summary>Returns <paramref name="promise"/> itself, as JavaScript's <c>Promise.resolve</c> does for a native promise.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="promise"/> is <see langword="null"/>.</exception>
    public static Promise<T> Resolve<T>(Promise<T> promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise;
    }

    /// <summary>Returns a promise that adopts <paramref name="thenable"/> (Promises/A+ 2.3.3): its <c>Then</c> is called once,
    /// in a later job, and only the first callback counts. A <see cref="Promise{T}"/> of this library comes back as itself.</summary>
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
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static Promise Reject(Exception reason) => Reject<VoidResult>(reason);

    /// <summary>Returns a promise already rejected with <paramref name="reason"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static Promise<T> Reject<T>(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var promise = new Promise<T>();
        promise.SetRejected(ExceptionDispatchInfo.Capture(reason));
        return promise;
    }

    /// <summary>Creates a pending promise together with the functions that settle it (JavaScript's <c>Promise.withResolvers</c>).</summary>
    public static PromiseWithResolvers<T> WithResolvers<T>() => new(new Promise<T>());

    /// <summary>Creates a pending promise of no value together with the functions that settle it.</summary>
    public static PromiseWithResolvers WithResolvers() => new(new Promise<VoidResult>());
}
