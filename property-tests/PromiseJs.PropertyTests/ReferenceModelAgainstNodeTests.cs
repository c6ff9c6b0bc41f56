using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Model;
using PromiseJs.PropertyTests.Support;

namespace PromiseJs.PropertyTests;

/// <summary>The reference model against the real thing: generated programs that have a JavaScript counterpart (no tasks,
/// no Some, no timers) are written as JavaScript and run by node; node's handler order and outcomes must be the model's.
/// Opt-in (<see cref="NodeFactAttribute"/>): the suite itself does not need node.</summary>
public sealed class ReferenceModelAgainstNodeTests
{
    private const int Programs = 1000;

    [NodeFact]
    public void ReferenceModel_GeneratedPrograms_LogAndSettleAsNodeDoes()
    {
        TreeProgram[] programs = TreeGenerators.ProgramsOf(timers: false, orderDependent: true, promiseRun: true)
            .Where(JavaScriptEmitter.CanEmit)
            .Sample(Programs, new Rnd(20261203UL, 0x9E3779B97F4A7C15UL), 50);

        var script = new StringBuilder(JavaScriptEmitter.Prelude);
        script.AppendLine("const programs = [");
        foreach (TreeProgram program in programs)
        {
            script.Append(JavaScriptEmitter.Emit(program)).AppendLine(",");
        }

        script.AppendLine("];");
        script.AppendLine("(async () => { for (const p of programs) console.log(JSON.stringify(await p())); })();");
        string[] lines = RunNode(script.ToString());
        Assert.Equal(programs.Length, lines.Length);

        for (int i = 0; i < programs.Length; i++)
        {
            ReferenceModel model = ReferenceModel.Run(programs[i]);
            using JsonDocument node = JsonDocument.Parse(lines[i]);
            string[] nodeLog = [.. node.RootElement.GetProperty("log").EnumerateArray().Select(e => e.GetString()!)];
            string[] nodeOutcomes = [.. node.RootElement.GetProperty("outcomes").EnumerateArray().Select(e => e.GetString()!)];
            string[] modelOutcomes = [.. model.Outcomes.Select(o => o.ToString())];
            if (!nodeLog.SequenceEqual(model.Log) || !nodeOutcomes.SequenceEqual(modelOutcomes))
            {
                Assert.Fail(
                    $"The model differs from node for:{programs[i]}\n" +
                    $" node: {string.Join(" ", nodeLog)}\nmodel: {string.Join(" ", model.Log)}\n" +
                    $" node: {string.Join(" | ", nodeOutcomes)}\nmodel: {string.Join(" | ", modelOutcomes)}\n" +
                    $"--- JavaScript ---\n{JavaScriptEmitter.Emit(programs[i])}");
            }
        }
    }

    private static string[] RunNode(string script)
    {
        string path = Path.Combine(Path.GetTempPath(), $"promisejs-model-{Guid.NewGuid():N}.js");
        File.WriteAllText(path, script);
        try
        {
            using Process process = Process.Start(new ProcessStartInfo(NodeFactAttribute.Executable, [path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "node did not finish.");
            Assert.True(process.ExitCode == 0, $"node failed: {error.Result}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
