namespace PromiseJs.PropertyTests.Support;

/// <summary>A fact that needs node: it runs when the <see cref="Variable"/> environment variable names the node executable
/// (e.g. <c>PROMISEJS_NODE=node</c>) and is skipped otherwise, so the suite does not depend on node being installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NodeFactAttribute : FactAttribute
{
    /// <summary>The environment variable that names the node executable.</summary>
    public const string Variable = "PROMISEJS_NODE";

    /// <summary>Initializes the attribute; skips the test unless <see cref="Variable"/> is set.</summary>
    public NodeFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to the node executable to check the reference model against node.";
        }
    }

    /// <summary>Gets the node executable named by <see cref="Variable"/>.</summary>
    public static string Executable => Environment.GetEnvironmentVariable(Variable) ?? "node";
}
