namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated moment: a <see cref="MomentKind"/> and its amount (jobs or virtual milliseconds).</summary>
public readonly record struct Moment(MomentKind Kind, int Amount)
{
    /// <summary>Gets the moment "at once".</summary>
    public static Moment Now => new(MomentKind.Now, 0);

    /// <summary>Gets whether the moment is immediate (no job or timer between).</summary>
    public bool IsImmediate => Kind is MomentKind.Now or MomentKind.Executor;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        MomentKind.Now => "now",
        MomentKind.Executor => "in the executor",
        MomentKind.Ticks => $"after {Amount} job(s)",
        _ => $"after Delay({Amount})",
    };
}
