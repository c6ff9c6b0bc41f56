namespace PromiseJs.CompilerServices;

/// <summary>A promise with a chosen resumption policy for <c>await</c>; returned by <see cref="Promise.ConfigureAwait(bool)"/> and <see cref="Promise.ConfigureAwait(ConfigureAwaitOptions)"/>.</summary>
public readonly struct ConfiguredPromiseAwaitable
{
    private readonly Promise _promise;
    // Which of ConfigureAwaitOptions apply (validated by ConfigureAwait).
    private readonly ConfigureAwaitOptions _options;

    internal ConfiguredPromiseAwaitable(Promise promise, ConfigureAwaitOptions options)
    {
        _promise = promise;
        _options = options;
    }

    /// <summary>Gets the awaiter.</summary>
    /// <returns>An awaiter for the promise that resumes as <c>ConfigureAwait</c> was told.</returns>
    public PromiseAwaiter GetAwaiter() => new(_promise, _options);
}
