namespace PromiseJs.Tests.TestSupport;

/// <summary>Reports the compile-time type of an expression (the type the compiler inferred), not its runtime type.</summary>
internal static class StaticType
{
    public static Type Of<T>(T value)
    {
        _ = value;
        return typeof(T);
    }
}
