namespace PromiseJs.CompilerServices;

/// <summary>A promise with a chosen resumption policy for <c>await</c>; returned by <see cref="Promise{T}.ConfigureAwait(bool)"/> and <see cref="Promise{T}.ConfigureAwait(ConfigureAwaitOptions)"/>.</summary>
/// <typeparam name="T">The type of the promise's value.</typeparam>
public readonly struct ConfiguredPromiseAwaitable<T>
{
    private readonly Promise<T> _promise;
    // Which of ConfigureAwaitOptions apply (validated by ConfigureAwait).
    private readonly ConfigureAwaitOptions _options;

    internal ConfiguredPromiseAwaitable(Promise<T> promise, ConfigureAwaitOptions options)
    {
        _promise = promise;
        _options = options;
    }

    /// <summary>Gets the awaiter.</summary>
    /// <returns>An awaiter for the promise's value that resumes as <c>ConfigureAwait</c> was
    /// told.</returns>
    public PromiseAwaiter<T> GetAwaiter() => new(_promise, _options);
}
