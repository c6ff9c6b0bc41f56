using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Support;
using static PromiseJs.PropertyTests.Generators.PromiseGenerators;
using static PromiseJs.PropertyTests.Support.Equivalence;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests;

/// <summary>LINQ query syntax over promises means the Then chain it stands for, whatever the promises do.</summary>
public sealed class LinqLawsTests
{
    [PromiseProperty]
    public Property Select_QuerySyntax_BehavesAsThen()
    {
        var cases =
            from program in Programs
            from f in IntFunctions
            select (Program: program, F: f);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Program).Select(p => c with { Program = p }),
            .. Shrinks.Of(c.F).Select(f => c with { F = f })], c =>
        {
            // from x in p select f(x) ≡ p.Then(f)
            var (query, chain) = InLoop(() =>
            {
                Promise<int> p = c.Program.Build();
                return (from x in p select c.F.Apply(x), p.Then(x => c.F.Apply(x)));
            });
            AssertEquivalent(chain, query);
        });
    }

    [PromiseProperty]
    public Property SelectMany_QuerySyntax_BehavesAsTheNestedThenChain()
    {
        var cases =
            from program in Programs
            from g in PromiseFunctions.Where(g => g.Shape == ReturnShape.Promise)
            from h in IntFunctions
            select (Program: program, G: g, H: h);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Program).Select(p => c with { Program = p }),
            .. Shrinks.Of(c.G).Where(g => g.Shape == ReturnShape.Promise).Select(g => c with { G = g }),
            .. Shrinks.Of(c.H).Select(h => c with { H = h })], c =>
        {
            // from x in p from y in g(x) select h(x + y) ≡ p.Then(x => g(x).Then(y => h(x + y)))
            var (query, chain) = InLoop(() => (
                from x in c.Program.Build()
                from y in c.G.Invoke(x)
                select c.H.Apply(unchecked(x + y)),
                c.Program.Build().Then(x => c.G.Invoke(x).Then(y => c.H.Apply(unchecked(x + y))))));
            AssertEquivalent(chain, query);
        });
    }

    [PromiseProperty]
    public Property Where_QuerySyntax_PassesMatchingValuesAndRejectsOthers()
    {
        return ForAll(ProgramArb, program =>
        {
            // from x in p where x % 2 == 0 select x ≡ p.Then(x => x % 2 == 0 ? x : throw new InvalidOperationException())
            var (p, query) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, from x in p where x % 2 == 0 select x);
            });
            if (p.State == PromiseState.Fulfilled && p.Value % 2 != 0)
            {
                Assert.IsType<InvalidOperationException>(query.Reason);
            }
            else
            {
                AssertEquivalent(p, query);
            }
        });
    }
}
