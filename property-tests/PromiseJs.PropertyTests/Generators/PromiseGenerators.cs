using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>FsCheck generators of promise programs and their parts. Timings lean towards the loop's own queues
/// (now, microtasks, immediates); timers are few and short, so a property of 100 cases stays fast.</summary>
internal static class PromiseGenerators
{
    public static Gen<int> Values { get; } = Gen.Choose(-50, 50);

    public static Gen<int> Codes { get; } = Gen.Choose(1, 99);

    public static Gen<PromiseOutcome> Fulfillments { get; } = Values.Select(PromiseOutcome.Fulfill);

    public static Gen<PromiseOutcome> Rejections { get; } = Codes.Select(PromiseOutcome.Reject);

    public static Gen<PromiseOutcome> Outcomes { get; } = Gen.Frequency((3, Fulfillments), (2, Rejections));

    public static Gen<Later> Moments { get; } = Gen.Frequency(
        (3, Gen.Constant(Later.Now)),
        (1, Gen.Constant(new Later(SettleTiming.Executor, 0))),
        (3, Gen.Choose(1, 3).Select(ticks => new Later(SettleTiming.Microtasks, ticks))),
        (2, Gen.Constant(new Later(SettleTiming.Immediate, 0))),
        (1, Gen.Choose(0, 2).Select(ms => new Later(SettleTiming.Timeout, ms))),
        (1, Gen.Choose(0, 2).Select(ms => new Later(SettleTiming.Delay, ms))));

    /// <summary>Moments after the current one: the steps of a completion order.</summary>
    public static Gen<Later> Steps { get; } = Gen.Frequency(
        (1, Gen.Constant(Later.Now)),
        (3, Gen.Choose(1, 3).Select(ticks => new Later(SettleTiming.Microtasks, ticks))),
        (2, Gen.Constant(new Later(SettleTiming.Immediate, 0))),
        (1, Gen.Choose(0, 1).Select(ms => new Later(SettleTiming.Timeout, ms))));

    public static Gen<Settlement> Settlements { get; } = SettlementsOf(Outcomes);

    public static Gen<Settlement> FulfilledSettlements { get; } = SettlementsOf(Fulfillments);

    public static Gen<Settlement> RejectedSettlements { get; } = SettlementsOf(Rejections);

    public static Gen<IntFunction> IntFunctions { get; } = Gen.Frequency(
        (3, Gen.Choose(-5, 5).Select(k => (IntFunction)new IntFunction.Add(k))),
        (2, Gen.Choose(-3, 3).Select(k => (IntFunction)new IntFunction.Multiply(k))),
        (1, Values.Select(k => (IntFunction)new IntFunction.Constant(k))),
        (1, Codes.Select(code => (IntFunction)new IntFunction.ThrowIfOdd(code))),
        (1, Codes.Select(code => (IntFunction)new IntFunction.Throw(code))));

    public static Gen<PromiseFunction> PromiseFunctions { get; } =
        from map in IntFunctions
        from when in Moments
        from shape in Gen.Frequency(
            (3, Gen.Constant(ReturnShape.Promise)),
            (1, Gen.Constant(ReturnShape.Task)),
            (1, Gen.Constant(ReturnShape.Thenable)))
        from misbehaves in Gen.Elements(false, false, true)
        select new PromiseFunction(map, when, shape, shape == ReturnShape.Thenable && misbehaves);

    public static Gen<FinallyCallback> FinallyCallbacks { get; } = Gen.Frequency(
        (2, Gen.Constant<FinallyCallback>(new FinallyCallback.Returns())),
        (1, Codes.Select(code => (FinallyCallback)new FinallyCallback.Throws(code))),
        (2, Settlements.Select(result => (FinallyCallback)new FinallyCallback.ReturnsPromise(result))));

    public static Gen<Operation> Operations { get; } = Gen.Frequency(
        (3, IntFunctions.Select(f => (Operation)new Operation.Map(f))),
        (3, PromiseFunctions.Select(f => (Operation)new Operation.Bind(f))),
        (1, IntFunctions.Zip(IntFunctions, (f, g) => (Operation)new Operation.Both(f, g))),
        (2, IntFunctions.Select(f => (Operation)new Operation.Recover(f))),
        (1, PromiseFunctions.Select(f => (Operation)new Operation.RecoverWith(f))),
        (2, FinallyCallbacks.Select(callback => (Operation)new Operation.Finally(callback))));

    /// <summary>Operations that only attach <c>Then</c> with an onFulfilled handler (a rejection must pass them by).</summary>
    public static Gen<Operation> FulfillmentOnlyOperations { get; } = Gen.OneOf(
        IntFunctions.Select(f => (Operation)new Operation.Map(f)),
        PromiseFunctions.Select(f => (Operation)new Operation.Bind(f)));

    public static Gen<PromiseProgram> Programs { get; } = ProgramsOf(Settlements, Operations);

    public static Arbitrary<PromiseProgram> ProgramArb { get; } = Arb.From(Programs, program => program.Shrink());

    /// <summary>A generated program from <paramref name="sources"/> and zero to four <paramref name="operations"/>.</summary>
    public static Gen<PromiseProgram> ProgramsOf(Gen<Settlement> sources, Gen<Operation> operations) =>
        from source in sources
        from count in Gen.Choose(0, 4)
        from steps in Gen.ArrayOf(operations, count)
        select new PromiseProgram(source, [.. steps]);

    /// <summary>A permutation of <c>0 … count-1</c>: the order in which <c>count</c> inputs settle.</summary>
    public static Gen<ImmutableArray<int>> CompletionOrders(int count) =>
        Gen.Shuffle(Enumerable.Range(0, count)).Select(order => order.ToImmutableArray());

    public static Gen<SettleScript> SettleScripts { get; } =
        from viaExecutor in Gen.Elements(true, false)
        from when in Moments
        from calls in Gen.NonEmptyListOf(Outcomes).Select(calls => calls.Take(5).ToImmutableArray())
        from throws in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Codes.Select(code => (int?)code)))
        select new SettleScript(viaExecutor, when, calls, viaExecutor ? throws : null);

    /// <summary>One to six inputs with outcomes from <paramref name="outcomes"/>, settling in any order at any steps.</summary>
    public static Gen<CompletionScript> CompletionScripts(Gen<PromiseOutcome> outcomes) =>
        from count in Gen.Choose(1, 6)
        from results in Gen.ArrayOf(outcomes, count)
        from order in CompletionOrders(count)
        from steps in Gen.ArrayOf(Steps, count)
        select new CompletionScript([.. results], order, [.. steps]);

    private static Gen<Settlement> SettlementsOf(Gen<PromiseOutcome> outcomes) =>
        from outcome in outcomes
        from when in Moments
        select new Settlement(outcome, when);
}
