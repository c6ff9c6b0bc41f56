namespace PromiseJs.CompilerServices;

/// <summary>A promise with a chosen resumption policy for <c>await</c>; returned by <see cref="Promise.ConfigureAwait"/>.</summary>
public readonly struct ConfiguredPromiseAwaitable
{
    private readonly Promise _promise;
    private readonly bool _continueOnCapturedContext;

    internal ConfiguredPromiseAwaitable(Promise promise, bool continueOnCapturedContext)
    {
        _promise = promise;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <summary>Gets the awaiter.</summary>
    /// <returns>An awaiter for the promise that resumes as <see cref="Promise.ConfigureAwait"/> was told.</returns>
    public PromiseAwaiter GetAwaiter() => new(_promise, _continueOnCapturedContext);
}
