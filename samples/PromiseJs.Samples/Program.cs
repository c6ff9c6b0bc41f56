// A tour of PromiseJs: JavaScript's promises, in C#.
// Every section runs inside PromiseLoop.Run, a JavaScript-style event loop on this thread: handlers run on it, in
// JavaScript's order, and Run returns once the program's promise has settled and no timer or queued work is left.
using PromiseJs;
using PromiseJs.Samples;

Console.OutputEncoding = System.Text.Encoding.UTF8;
int mainThread = Environment.CurrentManagedThreadId;

// ---------------------------------------------------------------------------------------------------------------
Header("1. A fluent Then chain");

PromiseLoop.Run(() =>
    Promise.Resolve(21)
        .Then(x => x * 2)                                          // a value handler: Promise<int>
        .Then(x => $"the answer is {x}")                           // the type follows the handler: Promise<string>
        .Then(s => Promise.Delay(10).Then(() => s.ToUpperInvariant())) // a returned promise is adopted, not nested
        .Then(s => Console.WriteLine($"  {s}")));                 // an Action handler: a promise of no value

// ---------------------------------------------------------------------------------------------------------------
Header("2. Wrapping a callback API with the executor constructor");

// LegacyConfigApi.ReadConfig(name, (text, error) => …) calls back later on a thread-pool thread. The executor runs
// synchronously inside the constructor and hands over resolve and reject; only the first call of either counts.
bool callbackOnThreadPool = false;
Promise<string> ReadConfig(string name) => new((resolve, reject) =>
    LegacyConfigApi.ReadConfig(name, (text, error) =>
    {
        callbackOnThreadPool = Thread.CurrentThread.IsThreadPoolThread;
        if (error is not null)
        {
            reject(error);
        }
        else
        {
            resolve(text!);
        }
    }));

PromiseLoop.Run(() =>
    ReadConfig("app.json").Then(text =>
    {
        // The promise settled on the thread pool, but its handler runs on the loop's thread.
        Console.WriteLine($"  the callback ran on a thread-pool thread: {callbackOnThreadPool}");
        Console.WriteLine($"  handler runs back on the loop thread: {Environment.CurrentManagedThreadId == mainThread}");
        Console.WriteLine($"  app.json = {text}");
    }));

// ---------------------------------------------------------------------------------------------------------------
Header("3. await");

// An async method can await promises; inside the loop it resumes on the loop's thread.
async Task<string> DescribeDatabase()
{
    string text = await ReadConfig("db.json");
    int port = await Promise.Resolve(text).Then(t => int.Parse(t.Split(':')[^1].TrimEnd(' ', '}')));
    return $"database on port {port}";
}

PromiseLoop.Run(async () =>
{
    Console.WriteLine($"  {await DescribeDatabase()}");

    // A promise waiting for a Task: Promise.From adopts it; a faulted task would reject with its own exception.
    Promise<int> fromTask = Promise.From(Task.Run(() => 6 * 7));
    Console.WriteLine($"  Promise.From(Task.Run(() => 6 * 7)) fulfilled with {await fromTask}");

    // An async lambda in Then is adopted too: the chain waits for its task.
    int doubled = await Promise.Resolve(21).Then(async x =>
    {
        await Task.Yield();
        return x * 2;
    });
    Console.WriteLine($"  Then(async x => …) fulfilled with {doubled}");

    // The other way round: ToTask hands a promise to Task-based code (Task.WhenAll, WaitAsync, …).
    string[] both = await Task.WhenAll(ReadConfig("app.json").ToTask(), ReadConfig("db.json").ToTask());
    Console.WriteLine($"  Task.WhenAll over ToTask() got {both.Length} files");
    Console.WriteLine($"  back on the loop thread after all that: {Environment.CurrentManagedThreadId == mainThread}");
});

// ---------------------------------------------------------------------------------------------------------------
Header("4. Error handling");

PromiseLoop.Run(async () =>
{
    // Catch turns a rejection back into a value.
    int recovered = await Promise.Reject<int>(new InvalidOperationException("boom"))
        .Catch(e =>
        {
            Console.WriteLine($"  Catch saw {e.GetType().Name}: {e.Message}");
            return -1;
        });
    Console.WriteLine($"  ...and the chain goes on with {recovered}");

    // Catch<TException> handles one exception type; any other passes through untouched to the next handler.
    string config = await ReadConfig("missing.json")
        .Catch<TimeoutException>(e => "never: this is not a timeout")
        .Catch<FileNotFoundException>(e =>
        {
            Console.WriteLine($"  Catch<FileNotFoundException> saw: {e.Message}");
            return "{ }";
        });
    Console.WriteLine($"  so the config defaults to {config}");

    // An exception thrown inside Then rejects the promise Then returned; Finally runs either way and passes the
    // outcome through.
    Promise<int> parsed = Promise.Resolve("forty-two")
        .Then(int.Parse)
        .Finally(() => Console.WriteLine("  Finally runs after the failed parse"));
    await parsed.Catch(e => 0);
    Console.WriteLine($"  int.Parse threw inside Then, so the promise is {parsed.State} with {parsed.Reason!.GetType().Name}");

    // await rethrows the original exception (not an AggregateException), with its stack trace.
    try
    {
        await Promise.Resolve(0).Then(x => 1 / x);
    }
    catch (DivideByZeroException e)
    {
        Console.WriteLine($"  await rethrew the original {e.GetType().Name}");
    }
});

// ---------------------------------------------------------------------------------------------------------------
Header("5. Combinators");

// A value that arrives after a delay, like new Promise(r => setTimeout(() => r(value), ms)) in JavaScript.
Promise<string> After(int milliseconds, string value) => Promise.Delay(milliseconds).Then(() => value);
Promise<string> FailAfter(int milliseconds, string message) =>
    Promise.Delay(milliseconds).Then<string>(() => throw new InvalidOperationException(message));

PromiseLoop.Run(async () =>
{
    // All: every value, in input order, whatever the completion order.
    string[] all = await Promise.All(After(30, "slow"), After(10, "fast"), Promise.Resolve("now"));
    Console.WriteLine($"  All        -> [{string.Join(", ", all)}]");

    // AllSettled: never rejects; one result per input.
    PromiseSettledResult<string>[] settled = await Promise.AllSettled(After(10, "ok"), FailAfter(5, "nope"));
    Console.WriteLine($"  AllSettled -> [{string.Join(", ", settled)}]");

    // Any: the first fulfillment; rejections only count when every input rejects.
    string any = await Promise.Any(FailAfter(5, "down"), After(20, "mirror"), After(30, "backup"));
    Console.WriteLine($"  Any        -> {any}");
    try
    {
        await Promise.Any(FailAfter(10, "first"), FailAfter(5, "second"));
    }
    catch (AggregateException e)
    {
        // The reasons are in input order, not in the order they happened.
        Console.WriteLine($"  Any (all rejected) -> AggregateException [{string.Join(", ", e.InnerExceptions.Select(x => x.Message))}]");
    }

    // Race: the first settlement of either kind, here as a timeout.
    string raced = await Promise.Race(After(10, "response"), FailAfter(50, "timed out"));
    Console.WriteLine($"  Race       -> {raced}");
});

// ---------------------------------------------------------------------------------------------------------------
Header("6. The loop's ordering, beside JavaScript's");

Console.WriteLine("  Microtasks (promise handlers) run before the next timer, exactly as in node:");
bool puzzle1 = OrderingPuzzle.Compare(
    javaScript: """
        console.log('script start');
        setTimeout(() => console.log('setTimeout'), 0);
        Promise.resolve().then(() => console.log('promise1')).then(() => console.log('promise2'));
        console.log('script end');
        """,
    // `node puzzle1.js` (node v20.20.2):
    nodeOutput: """
        script start
        script end
        promise1
        promise2
        setTimeout
        """,
    program: log =>
    {
        log("script start");
        PromiseLoop.SetTimeout(() => log("setTimeout"), 0);
        Promise.Resolve().Then(() => log("promise1")).Then(() => log("promise2"));
        log("script end");
        return Promise.Resolve();
    });

Console.WriteLine();
Console.WriteLine("  Returning a promise from a handler costs two extra ticks, as in node:");
bool puzzle2 = OrderingPuzzle.Compare(
    javaScript: """
        Promise.resolve().then(() => { console.log(0); return Promise.resolve(4); }).then(x => console.log(x));
        Promise.resolve().then(() => console.log(1)).then(() => console.log(2)).then(() => console.log(3))
          .then(() => console.log(5)).then(() => console.log(6));
        """,
    // `node puzzle2.js` (node v20.20.2):
    nodeOutput: """
        0
        1
        2
        3
        4
        5
        6
        """,
    program: log =>
    {
        Promise.Resolve()
            .Then(() =>
            {
                log("0");
                return Promise.Resolve(4);
            })
            .Then(x => log(x.ToString()));
        return Promise.Resolve()
            .Then(() => log("1")).Then(() => log("2")).Then(() => log("3"))
            .Then(() => log("5")).Then(() => log("6"));
    });

// ---------------------------------------------------------------------------------------------------------------
Header("7. Unhandled rejections");

// Inside the loop, a rejection still unhandled after the microtask queue drains is reported, like node's
// 'unhandledRejection'; a handler attached later raises RejectionHandled. Unlike node, nothing ends the process.
void OnUnhandled(object? sender, UnhandledRejectionEventArgs e) =>
    Console.WriteLine($"  UnhandledRejection: {e.Reason.GetType().Name}: {e.Reason.Message}");
void OnHandledLate(object? sender, UnhandledRejectionEventArgs e) =>
    Console.WriteLine($"  RejectionHandled:   {e.Reason.Message}");

Promise.UnhandledRejection += OnUnhandled;
Promise.RejectionHandled += OnHandledLate;
try
{
    PromiseLoop.Run(() =>
    {
        // Handled in the same tick: never reported.
        Promise.Reject(new InvalidOperationException("caught in time")).Catch(e => { });

        // Forgotten: reported once the microtask queue is empty...
        Promise forgotten = Promise.Reject(new InvalidOperationException("nobody caught this"));
        Console.WriteLine("  rejected two promises; one has a Catch, the other nothing");

        // ...and handled too late, in a timer: reported again as handled.
        return Promise.Delay(10).Then(() => forgotten.Catch(e => Console.WriteLine($"  a late Catch got: {e.Message}")));
    });
}
finally
{
    Promise.UnhandledRejection -= OnUnhandled;
    Promise.RejectionHandled -= OnHandledLate;
}

// ---------------------------------------------------------------------------------------------------------------
Header("8. The promise tree: a small crawler with a deadline");

// Promise.Run starts a node of the promise tree; what its work starts becomes its children. The tree shares the root's
// cancellation, can be awaited as a whole (WhenChildren) and printed (ToTreeString). See ContextTour.cs.
ContextTour.Crawler();

// ---------------------------------------------------------------------------------------------------------------
Header("9. A structured scope: one failure cancels its siblings");

ContextTour.Scope();

// ---------------------------------------------------------------------------------------------------------------
Header("10. Observables: the Rx bridge (PromiseJs.Reactive)");

// Rx debounces a search box and promises fetch, on one virtual clock; then Rx timers on the loop. See ObservableInterop.cs.
ObservableInterop.Run();

// ---------------------------------------------------------------------------------------------------------------
Header("11. More combinators and utilities: typed All, Map with a limit, Timeout, Retry, LINQ");

// Bluebird's and p-limit's everyday helpers, one coordinator object each. See CombinatorTour.cs.
CombinatorTour.Run();

Console.WriteLine();
Console.WriteLine(puzzle1 && puzzle2 ? "Tour complete." : "Tour complete, but the loop's ordering differed from node's (✗ above).");
return puzzle1 && puzzle2 ? 0 : 1;

static void Header(string title)
{
    Console.WriteLine();
    Console.WriteLine($"== {title} ==");
}
