using System.Reactive.Linq;
using PromiseJs;
using PromiseJs.Context;
using PromiseJs.Reactive;

// Exercises the paths trimming and native AOT could break: generic reactions over value and reference types, async
// Promise methods (the custom builder), the loop and its timers, combinators, ToString, the context tree and the Rx bridge.
// Prints one line per check and exits with 1 if any result is not what it should be.
var failures = 0;

void Check(string name, object? actual, object? expected)
{
    bool ok = Equals(actual, expected);
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}: {actual}");
    if (!ok)
    {
        failures++;
    }
}

Check("then chain", PromiseLoop.Run(() => Promise.Resolve(20).Then(x => x + 1).Then(x => Promise.Resolve(x * 2))), 42);

// The taste in the package's README (src/PromiseJs/README.md), as written there.
int length = PromiseLoop.Run(() =>
    new Promise<string>((resolve, reject) => resolve("hello"))
        .Then(s => s + ", world")
        .Then(async s => { await Promise.Delay(10); return s.Length; })
        .Catch(e => -1)
        .Finally(() => Console.WriteLine("done")));
Check("package readme taste", length, 12);

Check("async method", PromiseLoop.Run(() => AddLater(40, 2)), 42);

Check("all", PromiseLoop.Run(() => Promise.All(Promise.Resolve("a"), Promise.Resolve("b")).Then(xs => string.Concat(xs))), "ab");

Check("delay and race", PromiseLoop.Run(() =>
    Promise.Race(Promise.Delay(50).Then(() => "slow"), Promise.Delay(1).Then(() => "fast"))), "fast");

Check("catch", PromiseLoop.Run(() =>
    Promise.Reject<int>(new InvalidOperationException("no")).Catch<InvalidOperationException>(e => e.Message.Length)), 2);

Check("to string", Promise.Resolve((1, "x")).ToString(), "Promise<(int, string)>: fulfilled (1, x)");

Check("observable round trip", PromiseLoop.Run(() =>
    Observable.Range(1, 4).Sum().ToPromise().Then(sum => sum.ToString(System.Globalization.CultureInfo.InvariantCulture))), "10");

Check("tree", PromiseLoop.Run(() => Promise.Run(() =>
{
    var context = PromiseContext.Current!;
    Promise.Run(() => 1);
    return context.WhenChildren().Then(() => context.Children.Count);
})), 0);

return failures == 0 ? 0 : 1;

static async Promise<int> AddLater(int a, int b)
{
    await Promise.Delay(1);
    return a + b;
}
