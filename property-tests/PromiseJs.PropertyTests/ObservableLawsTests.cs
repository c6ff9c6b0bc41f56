using PromiseJs.PropertyTests.Support;
using PromiseJs.Reactive;
using static PromiseJs.PropertyTests.Generators.PromiseGenerators;
using static PromiseJs.PropertyTests.Support.Equivalence;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests;

/// <summary>The Rx bridge's round trip (PromiseJs.Reactive): turning a promise into an observable and back changes nothing,
/// whatever the promise does and whenever it settles.</summary>
public sealed class ObservableLawsTests
{
    [PromiseProperty]
    public Property ToObservableToPromise_RoundTrip_SettlesAsThePromise()
    {
        return ForAll(ProgramArb, program =>
        {
            // p.ToObservable().ToPromise() ≡ p
            var (p, trip) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, p.ToObservable().ToPromise());
            });
            AssertEquivalent(p, trip);
        });
    }

    [PromiseProperty]
    public Property ToObservableFirstToPromise_RoundTrip_SettlesAsThePromise()
    {
        return ForAll(ProgramArb, program =>
        {
            // p.ToObservable().FirstToPromise() ≡ p: the observable has exactly one value, or fails.
            var (p, trip) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, p.ToObservable().FirstToPromise());
            });
            AssertEquivalent(p, trip);
        });
    }

    [PromiseProperty]
    public Property DeferToPromise_RoundTrip_SettlesAsTheFactorysPromise()
    {
        return ForAll(ProgramArb, program =>
        {
            // PromiseObservable.Defer(() => p).ToPromise() ≡ p
            var (p, trip) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, PromiseObservable.Defer(() => p).ToPromise());
            });
            AssertEquivalent(p, trip);
        });
    }
}
