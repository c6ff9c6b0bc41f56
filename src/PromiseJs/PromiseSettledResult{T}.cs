namespace PromiseJs;

/// <summary>The outcome of one input of <c>Promise.AllSettled</c>.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public readonly struct PromiseSettledResult<T> : IEquatable<PromiseSettledResult<T>>
{
    internal PromiseSettledResult(PromiseState status, T value, Exception? reason)
    {
        Status = status;
        Value = value;
        Reason = reason;
    }

    /// <summary>Gets whether the input fulfilled or rejected.</summary>
    public PromiseState Status { get; }

    /// <summary>Gets the value, or <c>default</c> unless the input fulfilled.</summary>
    /// <remarks>Annotated as possibly <see langword="null"/>: for a rejected input of a reference type it is.</remarks>
    [System.Diagnostics.CodeAnalysis.MaybeNull]
    public T Value { get; }

    /// <summary>Gets the reason, or <see langword="null"/> unless the input rejected.</summary>
    public Exception? Reason { get; }

    /// <summary>Compares two results by status, value and reason.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if both have the same status, value and reason.</returns>
    public static bool operator ==(PromiseSettledResult<T> left, PromiseSettledResult<T> right) => left.Equals(right);

    /// <summary>Compares two results by status, value and reason.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if they differ in status, value or reason.</returns>
    public static bool operator !=(PromiseSettledResult<T> left, PromiseSettledResult<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(PromiseSettledResult<T> other) =>
        Status == other.Status && EqualityComparer<T>.Default.Equals(Value, other.Value) && Equals(Reason, other.Reason);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PromiseSettledResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, Value, Reason);

    /// <summary>Describes the result as JavaScript prints it: <c>{ status: 'fulfilled', value: … }</c>.</summary>
    /// <returns><c>{ status: 'fulfilled', value: … }</c>, <c>{ status: 'rejected', reason: … }</c> (the reason's
    /// message), or <c>{ status: 'pending' }</c> for a default instance.</returns>
    public override string ToString() => Status switch
    {
        PromiseState.Fulfilled => $"{{ status: 'fulfilled', value: {Value} }}",
        PromiseState.Rejected => $"{{ status: 'rejected', reason: {Reason?.Message} }}",
        _ => "{ status: 'pending' }",
    };
}
