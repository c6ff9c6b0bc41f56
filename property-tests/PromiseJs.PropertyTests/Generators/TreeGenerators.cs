using System.Collections.Immutable;

namespace PromiseJs.PropertyTests.Generators;

/// <summary>FsCheck generators of <see cref="TreeProgram"/>s: one to eight nodes, each consuming earlier nodes (so one
/// promise often has several consumers), with every handler shape, every <c>Finally</c> form, async methods and the five
/// combinators, <c>Promise.Run</c>.</summary>
internal static class TreeGenerators
{
    /// <summary>Gets programs for the event loop: every kind of node and moment, timers on the virtual clock included,
    /// except <c>Promise.Run</c> nodes (see <see cref="WithPromiseRunArb"/>).</summary>
    public static Gen<TreeProgram> Programs { get; } = ProgramsOf(timers: true, orderDependent: true, promiseRun: false);

    /// <summary>Gets <see cref="Programs"/> with its printer and shrinker.</summary>
    public static Arbitrary<TreeProgram> ProgramArb { get; } = Arb.From(Programs, program => program.Shrink());

    /// <summary>Gets programs that also use <c>Promise.Run(() => promise)</c>. Kept apart because the library adopts the
    /// returned promise without JavaScript's two jobs (a known deviation; the exact-order property over these is skipped).</summary>
    public static Arbitrary<TreeProgram> WithPromiseRunArb { get; } =
        Arb.From(ProgramsOf(timers: true, orderDependent: true, promiseRun: true), program => program.Shrink());

    /// <summary>Gets programs whose outcomes do not depend on the order in which jobs run (no timers, no Race, Any or
    /// Some), for the thread-pool scheduler.</summary>
    public static Arbitrary<TreeProgram> OrderFreeProgramArb { get; } =
        Arb.From(ProgramsOf(timers: false, orderDependent: false, promiseRun: true), program => program.Shrink());

    private static Gen<int> Values { get; } = Gen.Choose(-20, 20);

    private static Gen<int> Codes { get; } = Gen.Choose(1, 99);

    private static Gen<TreeValue> Results { get; } = Gen.Frequency(
        (3, Values.Select(v => (TreeValue)new TreeValue.Fulfilled(v))),
        (2, Codes.Select(c => (TreeValue)new TreeValue.Rejected(c))));

    private static Gen<IntFunction> IntFunctions { get; } = Gen.Frequency(
        (3, Gen.Choose(-5, 5).Select(k => (IntFunction)new IntFunction.Add(k))),
        (2, Gen.Choose(-3, 3).Select(k => (IntFunction)new IntFunction.Multiply(k))),
        (1, Values.Select(k => (IntFunction)new IntFunction.Constant(k))),
        (1, Codes.Select(code => (IntFunction)new IntFunction.ThrowIfOdd(code))),
        (1, Codes.Select(code => (IntFunction)new IntFunction.Throw(code))));

    /// <summary>Programs of one to eight nodes.</summary>
    public static Gen<TreeProgram> ProgramsOf(bool timers, bool orderDependent, bool promiseRun) =>
        Gen.Sized(size => Gen.Choose(1, Math.Clamp(2 + (size / 10), 2, 8)))
            .SelectMany(count => NodesFrom(ImmutableArray<TreeNode>.Empty, count, timers, orderDependent, promiseRun))
            .Select(nodes => new TreeProgram(nodes));

    private static Gen<ImmutableArray<TreeNode>> NodesFrom(ImmutableArray<TreeNode> built, int count, bool timers, bool orderDependent, bool promiseRun) =>
        built.Length == count
            ? Gen.Constant(built)
            : NodeAt(built.Length, timers, orderDependent, promiseRun)
                .SelectMany(node => NodesFrom(built.Add(node), count, timers, orderDependent, promiseRun));

    private static Gen<Moment> MomentsOf(bool timers) => Gen.Frequency(
        (3, Gen.Constant(Moment.Now)),
        (1, Gen.Constant(new Moment(MomentKind.Executor, 0))),
        (3, Gen.Choose(1, 3).Select(ticks => new Moment(MomentKind.Ticks, ticks))),
        (timers ? 2 : 0, Gen.Choose(1, 3).Select(ms => new Moment(MomentKind.Timer, ms))));

    private static Gen<TreeNode> NodeAt(int index, bool timers, bool orderDependent, bool promiseRun)
    {
        Gen<TreeNode> source =
            from result in Results
            from when in MomentsOf(timers)
            select (TreeNode)new TreeNode.Source(result, when);
        if (index == 0)
        {
            return source;
        }

        Gen<int> earlier = Gen.Choose(0, index - 1);
        Gen<TreeNode> then =
            from parent in earlier
            from shape in Shapes
            from onFulfilled in HandlerOf(shape, index, timers)
            from both in Gen.Elements(false, false, true)
            from onRejected in HandlerOf(shape, index, timers)
            select (TreeNode)new TreeNode.Then(parent, onFulfilled, both ? onRejected : null);
        Gen<TreeNode> @catch =
            from parent in earlier
            from shape in Shapes.Where(shape => shape != HandlerShape.Thenable)
            from onRejected in HandlerOf(shape, index, timers)
            select (TreeNode)new TreeNode.Catch(parent, onRejected);
        Gen<TreeNode> @finally =
            from parent in earlier
            from body in Gen.Frequency(
                (2, Gen.Constant<FinallyBody>(new FinallyBody.Returns())),
                (1, Codes.Select(code => (FinallyBody)new FinallyBody.Throws(code))),
                (2, from result in Results from when in MomentsOf(timers) select (FinallyBody)new FinallyBody.ReturnsPromise(result, when)))
            select (TreeNode)new TreeNode.Finally(parent, body);
        Gen<TreeNode> await =
            from parent in earlier
            from f in IntFunctions
            select (TreeNode)new TreeNode.Await(parent, f);
        Gen<TreeNode> run =
            from parent in earlier
            from f in IntFunctions
            select (TreeNode)new TreeNode.Run(parent, f);
        Gen<CombinatorKind> kinds = orderDependent
            ? Gen.Elements(Enum.GetValues<CombinatorKind>())
            : Gen.Elements(CombinatorKind.All, CombinatorKind.AllSettled);
        Gen<TreeNode> combine =
            from kind in kinds
            from width in Gen.Choose(1, Math.Min(4, index))
            from inputs in Gen.ArrayOf(earlier, width)
            from count in Gen.Choose(1, width)
            select (TreeNode)new TreeNode.Combine(kind, [.. inputs], count);
        return Gen.Frequency((2, source), (4, then), (2, @catch), (2, @finally), (1, await), (promiseRun ? 1 : 0, run), (2, combine));
    }

    private static Gen<HandlerShape> Shapes { get; } = Gen.Frequency(
        (3, Gen.Constant(HandlerShape.Value)),
        (3, Gen.Constant(HandlerShape.Promise)),
        (1, Gen.Constant(HandlerShape.Thenable)),
        (1, Gen.Constant(HandlerShape.Task)));

    private static Gen<TreeHandler> HandlerOf(HandlerShape shape, int index, bool timers) => shape switch
    {
        HandlerShape.Value => IntFunctions.Select(f => (TreeHandler)new TreeHandler.Value(f)),
        HandlerShape.Promise => Gen.Frequency(
            (2, Gen.Choose(0, index - 1).Select(node => (TreeHandler)new TreeHandler.ReturnNode(node))),
            (3, from result in Results from when in MomentsOf(timers) select (TreeHandler)new TreeHandler.ReturnFresh(result, when)),
            (1, Gen.Constant<TreeHandler>(new TreeHandler.ReturnSelf()))),
        HandlerShape.Thenable =>
            from result in Results
            from when in MomentsOf(timers)
            from misbehaves in Gen.Elements(false, true)
            select (TreeHandler)new TreeHandler.ReturnThenable(result, when, misbehaves),
        _ =>
            from result in Results
            from when in MomentsOf(timers)
            select (TreeHandler)new TreeHandler.ReturnTask(result, when),
    };
}
