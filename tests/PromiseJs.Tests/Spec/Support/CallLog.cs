namespace PromiseJs.Tests.Spec.Support;

/// <summary>The order in which handlers ran (what the suite checks with sinon's <c>callOrder</c>).</summary>
internal sealed class CallLog
{
    private readonly object _gate = new();
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
