using PromiseJs.Combinators;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Returns a promise of every input's value, in input order; it rejects with the first rejection in time.
    /// An empty input fulfills at once with an empty array.</summary>
    /// <remarks>Unlike <see cref="Task.WhenAll(IEnumerable{Task})"/>, it rejects as soon as one input rejects, with that
    /// input's reason (not an <see cref="AggregateException"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promises"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="promises"/> is <see langword="null"/>.</exception>
    public static Promise<T[]> All<T>(IEnumerable<Promise<T>> promises)
    {
        Promise<T>[] inputs = Snapshot(promises);
        return inputs.Length == 0 ? new Promise<T[]>([]) : new AllCoordinator<T>(inputs);
    }

    /// <inheritdoc cref="All{T}(IEnumerable{Promise{T}})"/>
    public static Promise<T[]> All<T>(params Promise<T>[] promises) => All((IEnumerable<Promise<T>>)promises);

    // One snapshot of the input, with the argument checks every combinator shares.
    private static Promise<T>[] Snapshot<T>(IEnumerable<Promise<T>> promises, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(promises))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(promises, name);
        Promise<T>[] inputs = [.. promises];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException($"The promise at index {i} is null; every element must be a promise.", name);
            }
        }

        return inputs;
    }
}
