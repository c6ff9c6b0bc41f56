namespace PromiseJs.TestSupport;

/// <summary>Marks a test (or a class of tests) that leaves rejections unhandled on purpose, so
/// <see cref="UnhandledRejectionGuardAttribute"/> does not fail it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpectsUnhandledRejectionsAttribute : Attribute
{
}
