namespace PromiseJs.CompilerServices;

/// <summary>A promise with a chosen resumption policy for <c>await</c>; returned by <see cref="Promise{T}.ConfigureAwait"/>.</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public readonly struct ConfiguredPromiseAwaitable<T>
{
    private readonly Promise<T> _promise;
    private readonly bool _continueOnCapturedContext;

    internal ConfiguredPromiseAwaitable(Promise<T> promise, bool continueOnCapturedContext)
    {
        _promise = promise;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <summary>Gets the awaiter.</summary>
    /// <returns>An awaiter for the promise's value that resumes as <see cref="Promise{T}.ConfigureAwait"/> was
    /// told.</returns>
    public PromiseAwaiter<T> GetAwaiter() => new(_promise, _continueOnCapturedContext);
}
