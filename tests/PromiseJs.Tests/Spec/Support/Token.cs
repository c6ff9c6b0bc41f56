namespace PromiseJs.Tests.Spec.Support;

/// <summary>A distinct object compared by reference, like the suite's <c>{ sentinel: "sentinel" }</c> values.</summary>
public sealed class Token
{
    private readonly string _name;

    public Token(string name)
    {
        _name = name;
    }

    public override string ToString() => _name;
}
