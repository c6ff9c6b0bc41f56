namespace PromiseJs.Samples;

/// <summary>Runs a JavaScript ordering puzzle translated to C# inside <see cref="PromiseLoop"/> and prints what it logged
/// beside what node prints for the original JavaScript.</summary>
internal static class OrderingPuzzle
{
    /// <summary>Runs <paramref name="program"/> (which logs through the function it receives) and compares its lines with
    /// <paramref name="nodeOutput"/>; returns whether every line matched.</summary>
    public static bool Compare(string javaScript, string nodeOutput, Func<Action<string>, Promise> program)
    {
        Console.WriteLine("  JavaScript:");
        foreach (string line in javaScript.Split('\n'))
        {
            Console.WriteLine($"    {line}");
        }

        var ours = new List<string>();
        PromiseLoop.Run(() => program(ours.Add));

        string[] node = nodeOutput.Split('\n');
        Console.WriteLine();
        Console.WriteLine($"    {"PromiseJs",-14}{"node",-14}");
        bool allMatch = ours.Count == node.Length;
        for (int i = 0; i < Math.Max(ours.Count, node.Length); i++)
        {
            string mine = i < ours.Count ? ours[i] : "(nothing)";
            string theirs = i < node.Length ? node[i] : "(nothing)";
            bool same = mine == theirs;
            allMatch &= same;
            Console.WriteLine($"    {mine,-14}{theirs,-14}{(same ? "✓" : "✗")}");
        }

        return allMatch;
    }
}
