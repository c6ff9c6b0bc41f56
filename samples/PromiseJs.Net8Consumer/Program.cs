using PromiseJs;

// The forms README shows that need C# 13 to bind (CS0121 under C# 12), compiled against the net8.0 library.
var failures = 0;

void Check(string name, object? actual, object? expected)
{
    bool ok = Equals(actual, expected);
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}: {actual}");
    failures += ok ? 0 : 1;
}

Check("then with an async lambda", PromiseLoop.Run(() =>
    Promise.Resolve("hello").Then(async s =>
    {
        await Task.Yield();
        return s.Length;
    })), 5);

Check("Promise.Run with an async lambda", PromiseLoop.Run(() => Promise.Run(async () =>
{
    await Promise.Delay(1);
    return 42;
})), 42);

Check("PromiseLoop.Run with an async lambda", PromiseLoop.Run(async () =>
{
    await Promise.Delay(1);
    return "done";
}), "done");

Promise<string?> p = Promise.Reject<string?>(new InvalidOperationException("no"));
Check("catch returning null", PromiseLoop.Run(() => p.Catch(x => null)), null);
Check("then returning null", PromiseLoop.Run(() => Promise.Resolve<string?>("x").Then<string?>(x => null)), null);
Check("try that throws", PromiseLoop.Run(() => Promise.Try<int>(() => throw new FormatException()).Catch(e => -1)), -1);
Check("runtime", Environment.Version.Major >= 8, true);

return failures == 0 ? 0 : 1;
