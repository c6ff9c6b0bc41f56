namespace PromiseJs.Context;

/// <summary>The scope <see cref="PromiseContext.Enter"/> returns: disposing it makes the previous context current again.</summary>
public sealed class PromiseContextScope : IDisposable, IAsyncDisposable
{
    private readonly ActiveEntry _entry;
    private int _disposed;

    internal PromiseContextScope(ActiveEntry entry) => _entry = entry;

    /// <summary>Gets the context this scope entered.</summary>
    public PromiseContext Context => _entry.Context;

    /// <summary>Leaves the context; a second call does nothing.</summary>
    /// <exception cref="PromiseContextException">The context is not the current one in this flow (scopes must be disposed
    /// in the reverse order they were entered, in the flow that entered them).</exception>
    public void Dispose()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        if (AmbientStack.Value != _entry)
        {
            throw new PromiseContextException(
                $"The promise context '{_entry.Context}' is not the active one in this flow, so it cannot be exited here. " +
                "Dispose context scopes in the reverse order they were entered, in the same asynchronous flow.");
        }

        _disposed = 1;
        AmbientStack.Value = _entry.Previous;
    }

    /// <summary>Leaves the context, as <see cref="Dispose"/> does.</summary>
    /// <returns>An already completed task: the context is left inside this call.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
