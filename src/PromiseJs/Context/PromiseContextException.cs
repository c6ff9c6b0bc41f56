namespace PromiseJs.Context;

/// <summary>The exception thrown when a <see cref="PromiseContext"/> is used out of order: entered while already active,
/// exited while not active, or required where there is none.</summary>
public sealed class PromiseContextException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public PromiseContextException()
        : base("The promise context was used out of order.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public PromiseContextException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public PromiseContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
