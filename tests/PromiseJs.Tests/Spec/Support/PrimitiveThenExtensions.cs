namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The C# counterpart of the suite's <c>Boolean.prototype.then = function () {}</c> and
/// <c>Number.prototype.then = function () {}</c> (2.3.4): a <c>Then</c> that a <c>bool</c> or an <c>int</c> seems to have
/// where this namespace is imported. A library that adopts by type never sees it.
/// </summary>
internal static class PrimitiveThenExtensions
{
    public static int Then(this bool value) => 0;

    public static int Then(this int value) => 0;
}
