namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// A rejection reason with a role, the counterpart of the suite's <c>dummy</c>/<c>sentinel</c>/<c>other</c> objects
/// used as reasons. Tests create a fresh one each time and compare by reference.
/// </summary>
public sealed class ReasonException : Exception
{
    public ReasonException(string role)
        : base(role)
    {
    }

    public static ReasonException Dummy() => new("dummy");

    public static ReasonException Sentinel() => new("sentinel");

    public static ReasonException Other() => new("other");
}
