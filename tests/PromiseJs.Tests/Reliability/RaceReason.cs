namespace PromiseJs.Tests.Reliability;

/// <summary>The reason a racing thread rejects a shared promise with; says which thread it was.</summary>
internal sealed class RaceReason(int thread) : Exception($"rejected by thread {thread}")
{
    public int Thread { get; } = thread;
}
