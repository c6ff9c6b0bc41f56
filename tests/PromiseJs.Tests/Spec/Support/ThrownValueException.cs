namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// A reason that stands for a JavaScript throw of something that is not an <c>Error</c> (<c>throw 0</c>, <c>throw null</c>,
/// <c>throw somePromise</c>): the thrown value travels inside, as .NET hosts of JavaScript wrap such values.
/// </summary>
public sealed class ThrownValueException : Exception
{
    public ThrownValueException(object? value)
        : base($"thrown value: {value ?? "null"}")
    {
        Value = value;
    }

    public object? Value { get; }
}
