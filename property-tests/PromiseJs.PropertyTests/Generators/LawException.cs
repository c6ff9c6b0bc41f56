namespace PromiseJs.PropertyTests.Generators;

/// <summary>The only reason generated programs reject with: its <see cref="Code"/> names it, so two rejections built
/// independently (the two sides of a law) compare equal by code, while pass-through keeps the very instance.</summary>
public sealed class LawException : Exception
{
    public LawException()
        : this(0)
    {
    }

    public LawException(int code)
        : base($"law-{code}")
    {
        Code = code;
    }

    public LawException(string message)
        : base(message)
    {
    }

    public LawException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Code { get; }
}
