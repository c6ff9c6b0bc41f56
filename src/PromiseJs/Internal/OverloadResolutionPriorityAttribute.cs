#if !NET9_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// The compiler recognises this attribute by name; net8.0 lacks it, so the library carries an internal copy.
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute(int priority) : Attribute
{
    public int Priority { get; } = priority;
}
#endif
