namespace PromiseJs.PropertyTests.Model;

/// <summary>A rejection reason as the model knows it: its printed form and the code a rejection handler receives
/// (a <see cref="Generators.LawException"/>'s own code; 500 + n for an <see cref="AggregateException"/> of n reasons; 900
/// for the <see cref="InvalidOperationException"/> of a self-resolution).</summary>
public sealed record TreeReason(string Text, int Code)
{
    /// <summary>The reason <c>new LawException(code)</c>.</summary>
    public static TreeReason Law(int code) => new($"law-{code}", code);

    /// <summary>An <see cref="AggregateException"/> of <paramref name="reasons"/>, in that order.</summary>
    public static TreeReason Aggregate(IReadOnlyList<TreeReason> reasons) =>
        new($"aggregate[{string.Join(", ", reasons.Select(r => r.Text))}]", 500 + reasons.Count);

    /// <summary>Gets the reason of a promise resolved with itself (A+ 2.3.1).</summary>
    public static TreeReason SelfResolution { get; } = new("self-resolution", 900);

    /// <summary>Describes a real rejection reason the way the model writes it.</summary>
    public static TreeReason Of(Exception reason) => reason switch
    {
        Generators.LawException law => Law(law.Code),
        AggregateException aggregate => Aggregate([.. aggregate.InnerExceptions.Select(Of)]),
        InvalidOperationException => SelfResolution,
        _ => new($"unexpected {reason.GetType().Name}: {reason.Message}", 999),
    };

    /// <inheritdoc/>
    public override string ToString() => Text;
}
