namespace PromiseJs.Samples;

/// <summary>A stand-in for an old callback-style API, shaped like node's <c>fs.readFile(name, (err, data) => …)</c>:
/// it returns at once and calls back later, on a thread-pool thread, with either a result or an error.</summary>
internal static class LegacyConfigApi
{
    private static readonly Dictionary<string, string> s_files = new()
    {
        ["app.json"] = """{ "name": "tour", "retries": 3 }""",
        ["db.json"] = """{ "host": "localhost", "port": 5432 }""",
    };

    public static void ReadConfig(string name, Action<string?, Exception?> callback)
    {
        ThreadPool.QueueUserWorkItem(_ =>
        {
            if (s_files.TryGetValue(name, out string? text))
            {
                callback(text, null);
            }
            else
            {
                callback(null, new FileNotFoundException($"no config file named '{name}'", name));
            }
        });
    }
}
