using PromiseJs.PropertyTests.Generators;

namespace PromiseJs.PropertyTests.Model;

/// <summary>How a promise settled, in the model's terms; also how a real promise is described to compare with it.</summary>
public abstract record ModelOutcome
{
    private ModelOutcome()
    {
    }

    /// <summary>The outcome of a generated <see cref="TreeValue"/>.</summary>
    public static ModelOutcome From(TreeValue value) => value switch
    {
        TreeValue.Fulfilled f => new Fulfilled(f.Value),
        TreeValue.Rejected r => new Rejected(TreeReason.Law(r.Code)),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The outcome of calling <paramref name="f"/> on <paramref name="x"/>: its value, or the law it throws.</summary>
    public static ModelOutcome Apply(IntFunction f, int x)
    {
        try
        {
            return new Fulfilled(f.Apply(x));
        }
        catch (LawException e)
        {
            return new Rejected(TreeReason.Law(e.Code));
        }
    }

    /// <summary>Describes a real promise once the run is over (<see langword="null"/> while pending).</summary>
    public static ModelOutcome? Of(Promise<int> promise) => promise.State switch
    {
        PromiseState.Fulfilled => new Fulfilled(promise.Value),
        PromiseState.Rejected => new Rejected(TreeReason.Of(promise.Reason!)),
        _ => null,
    };

    /// <summary>Fulfilled with <paramref name="Value"/>.</summary>
    public sealed record Fulfilled(int Value) : ModelOutcome
    {
        /// <inheritdoc/>
        public override string ToString() => $"fulfilled {Value}";
    }

    /// <summary>Rejected with <paramref name="Reason"/>.</summary>
    public sealed record Rejected(TreeReason Reason) : ModelOutcome
    {
        /// <inheritdoc/>
        public override string ToString() => $"rejected {Reason}";
    }
}
