using PromiseJs.PropertyTests.Support;
using PromiseJs.PropertyTests.Generators;
using static PromiseJs.PropertyTests.Generators.PromiseGenerators;
using static PromiseJs.PropertyTests.Support.Equivalence;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests;

/// <summary>Then is the bind of a monad when its handler returns a promise, and the map of a functor when it returns a
/// value. "≡" compares state and value or reason once the loop has run (<see cref="Support.Equivalence"/>).</summary>
public sealed class MonadLawsTests
{
    [PromiseProperty]
    public Property Then_LeftIdentity_ResolveThenFBehavesAsF()
    {
        var cases =
            from a in Values
            from f in PromiseFunctions
            select (A: a, F: f);

        return ForAll(cases, c => Shrinks.Of(c.F).Select(f => c with { F = f }), c =>
        {
            // Promise.Resolve(a).Then(f) ≡ f(a), where f returns a promise, a task or a thenable (as a promise: Promise.From,
            // Promise.Resolve).
            var (left, right) = InLoop(() => (c.F.BindTo(Promise.Resolve(c.A)), c.F.Invoke(c.A)));
            AssertEquivalent(right, left);
        });
    }

    [PromiseProperty]
    public Property Then_RightIdentity_ThenResolveBehavesAsThePromise()
    {
        return ForAll(ProgramArb, program =>
        {
            // p.Then(Promise.Resolve) ≡ p
            var (p, left) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, p.Then(x => Promise.Resolve(x)));
            });
            AssertEquivalent(p, left);
        });
    }

    [PromiseProperty]
    public Property Then_Associativity_NestingTheSecondBindChangesNothing()
    {
        var cases =
            from program in Programs
            from f in PromiseFunctions
            from g in PromiseFunctions
            select (Program: program, F: f, G: g);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Program).Select(p => c with { Program = p }),
            .. Shrinks.Of(c.F).Select(f => c with { F = f }),
            .. Shrinks.Of(c.G).Select(g => c with { G = g })], c =>
        {
            // p.Then(f).Then(g) ≡ p.Then(x => f(x).Then(g))
            var (left, right) = InLoop(() => (
                c.G.BindTo(c.F.BindTo(c.Program.Build())),
                c.Program.Build().Then(x => c.G.BindTo(c.F.Invoke(x)))));
            AssertEquivalent(left, right);
        });
    }

    [PromiseProperty]
    public Property Then_FunctorIdentity_ThenIdentityBehavesAsThePromise()
    {
        return ForAll(ProgramArb, program =>
        {
            // p.Then(x => x) ≡ p
            var (p, mapped) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, p.Then(x => x));
            });
            AssertEquivalent(p, mapped);
        });
    }

    [PromiseProperty]
    public Property Then_FunctorComposition_TwoThensBehaveAsOneThenOfTheComposition()
    {
        var cases =
            from program in Programs
            from f in IntFunctions
            from g in IntFunctions
            select (Program: program, F: f, G: g);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Program).Select(p => c with { Program = p }),
            .. Shrinks.Of(c.F).Select(f => c with { F = f }),
            .. Shrinks.Of(c.G).Select(g => c with { G = g })], c =>
        {
            // p.Then(f).Then(g) ≡ p.Then(x => g(f(x)))
            var (left, right) = InLoop(() => (
                c.Program.Build().Then(x => c.F.Apply(x)).Then(y => c.G.Apply(y)),
                c.Program.Build().Then(x => c.G.Apply(c.F.Apply(x)))));
            AssertEquivalent(left, right);
        });
    }
}
