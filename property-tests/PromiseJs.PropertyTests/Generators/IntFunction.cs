namespace PromiseJs.PropertyTests.Generators;

/// <summary>A generated pure function on integers, as data so that a counterexample prints readably. Some throw a
/// <see cref="LawException"/> for some inputs, as a handler that fails does.</summary>
public abstract record IntFunction
{
    private IntFunction()
    {
    }

    /// <summary>Applies the function; throws a <see cref="LawException"/> where it fails.</summary>
    public abstract int Apply(int x);

    /// <summary>The model of a handler running this function: its value fulfills, its exception rejects.</summary>
    internal PromiseOutcome OutcomeFor(int x) => PromiseOutcome.Of(() => Apply(x));

    public sealed record Add(int K) : IntFunction
    {
        public override int Apply(int x) => unchecked(x + K);

        public override string ToString() => $"x => x + {K}";
    }

    public sealed record Multiply(int K) : IntFunction
    {
        public override int Apply(int x) => unchecked(x * K);

        public override string ToString() => $"x => x * {K}";
    }

    public sealed record Constant(int K) : IntFunction
    {
        public override int Apply(int x) => K;

        public override string ToString() => $"x => {K}";
    }

    public sealed record ThrowIfOdd(int Code) : IntFunction
    {
        public override int Apply(int x) => x % 2 != 0 ? throw new LawException(Code) : x;

        public override string ToString() => $"x => x is odd ? throw law-{Code} : x";
    }

    public sealed record Throw(int Code) : IntFunction
    {
        public override int Apply(int x) => throw new LawException(Code);

        public override string ToString() => $"x => throw law-{Code}";
    }
}
