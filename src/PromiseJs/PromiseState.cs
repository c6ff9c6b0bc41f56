namespace PromiseJs;

/// <summary>The state of a promise: pending, then settled once as fulfilled or rejected.</summary>
public enum PromiseState
{
    /// <summary>Not settled yet.</summary>
    Pending,

    /// <summary>Settled with a value.</summary>
    Fulfilled,

    /// <summary>Settled with a reason (an exception).</summary>
    Rejected,
}
