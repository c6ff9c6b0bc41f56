using System.Globalization;
using System.Text;
using PromiseJs.PropertyTests.Generators;

namespace PromiseJs.PropertyTests.Model;

/// <summary>Writes a <see cref="TreeProgram"/> as a JavaScript function, so that node can run it and say what the model
/// must say (<c>ReferenceModelAgainstNodeTests</c>). Only programs without tasks, Some or timers have a direct
/// JavaScript counterpart (<see cref="CanEmit"/>).</summary>
internal static class JavaScriptEmitter
{
    /// <summary>The helpers every emitted program uses: law reasons, codes, jobs, thenables, int32 arithmetic.</summary>
    public const string Prelude = """
        process.on('unhandledRejection', () => {});
        process.on('rejectionHandled', () => {});
        const law = c => Object.assign(new Error('law-' + c), { code: c });
        const codeOf = e => e instanceof AggregateError ? 500 + e.errors.length : e instanceof TypeError ? 900 : e.code;
        const describe = e => e instanceof AggregateError ? 'aggregate[' + e.errors.map(describe).join(', ') + ']'
          : e instanceof TypeError ? 'self-resolution' : 'law-' + e.code;
        const afterJobs = (n, action) => Promise.resolve(0).then(() => n > 1 ? afterJobs(n - 1, action) : action());
        const settle = (r, res, rej) => r.ok ? res(r.v) : rej(law(r.c));
        const thenable = (log, r, when, misbehaves) => ({
          then(onF, onR) {
            log.push(this.name);
            const call = () => { settle(r, onF, onR); if (misbehaves) { onR(law(998)); onF(998); } };
            if (when > 0) afterJobs(when, call); else call();
            if (misbehaves && when === 0) throw law(999);
          },
        });
        const sum = xs => xs.reduce((a, b) => (a + b) | 0, 0);
        """;

    /// <summary>Gets whether <paramref name="program"/> has a JavaScript counterpart.</summary>
    public static bool CanEmit(TreeProgram program) => program.Nodes.All(node => node switch
    {
        TreeNode.Source source => source.When.Kind != MomentKind.Timer,
        TreeNode.Then then => Emittable(then.OnFulfilled) && (then.OnRejected is null || Emittable(then.OnRejected)),
        TreeNode.Catch @catch => Emittable(@catch.OnRejected),
        TreeNode.Finally @finally => @finally.Body is not FinallyBody.ReturnsPromise { When.Kind: MomentKind.Timer },
        TreeNode.Combine combine => combine.Kind != CombinatorKind.Some,
        _ => true,
    });

    /// <summary>An async function expression that runs the program and returns <c>{ log, outcomes }</c> once quiet.</summary>
    public static string Emit(TreeProgram program)
    {
        var js = new StringBuilder();
        js.AppendLine("async () => {");
        js.AppendLine("  const log = []; const n = [];");
        for (int i = 0; i < program.Nodes.Length; i++)
        {
            js.Append(CultureInfo.InvariantCulture, $"  n[{i}] = ").Append(Node(i, program.Nodes[i])).AppendLine(";");
        }

        js.AppendLine("  await new Promise(r => setTimeout(r, 0));");
        js.AppendLine("  const outcomes = [];");
        js.AppendLine("  for (const p of n) { const s = (await Promise.allSettled([p]))[0];");
        js.AppendLine("    outcomes.push(s.status === 'fulfilled' ? 'fulfilled ' + s.value : 'rejected ' + describe(s.reason)); }");
        js.AppendLine("  return { log, outcomes };");
        js.Append('}');
        return js.ToString();
    }

    private static bool Emittable(TreeHandler handler) => handler switch
    {
        TreeHandler.ReturnTask => false,
        TreeHandler.ReturnFresh fresh => fresh.When.Kind != MomentKind.Timer,
        TreeHandler.ReturnThenable thenable => thenable.When.Kind != MomentKind.Timer,
        _ => true,
    };

    private static string Result(TreeValue value) => value switch
    {
        TreeValue.Fulfilled f => $"{{ ok: true, v: {f.Value} }}",
        TreeValue.Rejected r => $"{{ ok: false, c: {r.Code} }}",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static int Jobs(Moment when) => when.Kind == MomentKind.Ticks ? when.Amount : 0;

    private static string Source(TreeValue value, Moment when) => when.Kind switch
    {
        MomentKind.Now => value is TreeValue.Fulfilled f ? $"Promise.resolve({f.Value})" : $"Promise.reject(law({((TreeValue.Rejected)value).Code}))",
        MomentKind.Executor => $"new Promise((res, rej) => settle({Result(value)}, res, rej))",
        _ => $"(() => {{ let res, rej; const p = new Promise((a, b) => {{ res = a; rej = b; }}); afterJobs({when.Amount}, () => settle({Result(value)}, res, rej)); return p; }})()",
    };

    private static string Function(IntFunction f, string x) => f switch
    {
        IntFunction.Add add => $"(({x}) + {add.K}) | 0",
        IntFunction.Multiply multiply => $"Math.imul({x}, {multiply.K})",
        IntFunction.Constant constant => $"{constant.K}",
        IntFunction.ThrowIfOdd odd => $"(({x}) % 2 !== 0 ? (() => {{ throw law({odd.Code}); }})() : ({x}))",
        IntFunction.Throw thrown => $"(() => {{ throw law({thrown.Code}); }})()",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    private static string Handler(int index, TreeHandler handler, string entry) => handler switch
    {
        TreeHandler.Value value => $"x => {{ log.push('n{index}:{entry}(' + x + ')'); return {Function(value.F, "x")}; }}",
        TreeHandler.ReturnNode node => $"x => {{ log.push('n{index}:{entry}(' + x + ')'); return n[{node.Node}]; }}",
        TreeHandler.ReturnFresh fresh => $"x => {{ log.push('n{index}:{entry}(' + x + ')'); return {Source(fresh.Result, fresh.When)}; }}",
        TreeHandler.ReturnSelf => $"x => {{ log.push('n{index}:{entry}(' + x + ')'); return n[{index}]; }}",
        TreeHandler.ReturnThenable t =>
            $"x => {{ log.push('n{index}:{entry}(' + x + ')'); return Object.assign(thenable(log, {Result(t.Result)}, {Jobs(t.When)}, {(t.Misbehaves ? "true" : "false")}), {{ name: 'n{index}:thenable' }}); }}",
        _ => throw new ArgumentOutOfRangeException(nameof(handler)),
    };

    private static string Rejection(int index, TreeHandler handler) =>
        $"e => ({Handler(index, handler, "r")})(codeOf(e))";

    private static string Node(int index, TreeNode node) => node switch
    {
        TreeNode.Source source => Source(source.Result, source.When),
        TreeNode.Then then => then.OnRejected is null
            ? $"n[{then.Parent}].then({Handler(index, then.OnFulfilled, "f")})"
            : $"n[{then.Parent}].then({Handler(index, then.OnFulfilled, "f")}, {Rejection(index, then.OnRejected)})",
        TreeNode.Catch @catch => $"n[{@catch.Parent}].catch({Rejection(index, @catch.OnRejected)})",
        TreeNode.Finally @finally => @finally.Body switch
        {
            FinallyBody.Returns => $"n[{@finally.Parent}].finally(() => {{ log.push('n{index}:fin'); }})",
            FinallyBody.Throws throws => $"n[{@finally.Parent}].finally(() => {{ log.push('n{index}:fin'); throw law({throws.Code}); }})",
            FinallyBody.ReturnsPromise p => $"n[{@finally.Parent}].finally(() => {{ log.push('n{index}:fin'); return {Source(p.Result, p.When)}; }})",
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        },
        TreeNode.Await await => $"(async () => {{ const x = await n[{await.Parent}]; log.push('n{index}:aw(' + x + ')'); return {Function(await.F, "x")}; }})()",
        TreeNode.Run run => $"(async () => n[{run.Parent}].then(x => {{ log.push('n{index}:f(' + x + ')'); return {Function(run.F, "x")}; }}))()",
        TreeNode.Combine combine => Combine(index, combine),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string Combine(int index, TreeNode.Combine combine)
    {
        string inputs = string.Join(", ", combine.Of.Select(i => $"n[{i}]"));
        string fold = $"log.push('n{index}:fold')";
        return combine.Kind switch
        {
            CombinatorKind.All => $"Promise.all([{inputs}]).then(vs => {{ {fold}; return sum(vs); }})",
            CombinatorKind.AllSettled =>
                $"Promise.allSettled([{inputs}]).then(rs => {{ {fold}; return sum(rs.map(r => r.status === 'fulfilled' ? r.value : 1000 * codeOf(r.reason))); }})",
            CombinatorKind.Any => $"Promise.any([{inputs}]).then(x => {{ {fold}; return x; }})",
            _ => $"Promise.race([{inputs}]).then(x => {{ {fold}; return x; }})",
        };
    }
}
