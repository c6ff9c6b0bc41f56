using Xunit;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>The suite's <c>assert.strictEqual</c>: identity for objects, equality for values (numbers, booleans).</summary>
internal static class StrictAssert
{
    public static void Equal<T>(T expected, T actual) => Equal((object?)expected, actual);

    public static void Equal(object? expected, object? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else if (expected.GetType().IsValueType)
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.Same(expected, actual);
        }
    }
}
