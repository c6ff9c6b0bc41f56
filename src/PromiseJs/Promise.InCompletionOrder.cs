using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns the inputs as an asynchronous sequence in the order they settle, each one tick after it settled
    /// (aioresult's <c>results_to_channel</c>, .NET 9's <c>Task.WhenEach</c>); the consumer reads each one's outcome from it.</summary>
    /// <typeparam name="T">The value type of the input promises.</typeparam>
    /// <param name="promises">The inputs, enumerated once, at the call.</param>
    /// <param name="cancellationToken">Stops waiting: a pending <c>MoveNextAsync</c> throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>A sequence, for one enumeration, that yields each input promise (already settled: read its
    /// <see cref="State"/>, <see cref="Promise{T}.Value"/> or <see cref="Reason"/>, or await it) in the order the
    /// inputs settle, and ends after the last.</returns>
    /// <remarks>The order is fixed from the call on, whenever the enumeration starts. The sequence can be enumerated once;
    /// ending the enumeration early lets go of the inputs still pending (they stay handled). A waiting consumer resumes
    /// asynchronously (posted to its <see cref="SynchronizationContext"/>: a loop task inside <see cref="PromiseLoop"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static IAsyncEnumerable<Promise<T>> InCompletionOrder<T>(IEnumerable<Promise<T>> promises, CancellationToken cancellationToken = default) =>
        new InCompletionOrderCoordinator<T>(Snapshot(promises), cancellationToken);
}
