namespace PromiseJs.Samples;

/// <summary>The tour's section on combinators and utilities: typed <c>All</c> over a tuple, <c>AllKeyed</c>, <c>Map</c> with a
/// concurrency limit, <c>Timeout</c>, a cancelled <c>Delay</c>, <c>Retry</c>, <c>Some</c>, <c>InCompletionOrder</c> and LINQ.</summary>
internal static class CombinatorTour
{
    public static void Run() => PromiseLoop.Run(async () =>
    {
        // Typed All: a tuple of promises of different types gives a promise of a tuple, in the same order.
        var (user, orderCount) = await Promise.All((After(20, "ada"), After(10, 3)));
        Console.WriteLine($"  All((user, orders))     -> ({user}, {orderCount})");

        // AllKeyed (Bluebird's props): a dictionary of promises gives a dictionary of values.
        Dictionary<string, string> page = await Promise.AllKeyed(new Dictionary<string, Promise<string>>
        {
            ["header"] = After(15, "<h1>"),
            ["body"] = After(5, "<p>"),
        });
        Console.WriteLine($"  AllKeyed                -> header={page["header"]}, body={page["body"]}");

        // Map with a concurrency limit: never more than two downloads at once, values in input order.
        int running = 0;
        int mostAtOnce = 0;
        string[] sizes = await Promise.Map(
            ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"],
            file =>
            {
                mostAtOnce = Math.Max(mostAtOnce, ++running);
                return After(10 + (file[0] % 3 * 10), $"{file}:{file[0] * 10}B").Finally(() => running--);
            },
            concurrency: 2);
        Console.WriteLine($"  Map(…, concurrency: 2)  -> [{string.Join(", ", sizes)}], at most {mostAtOnce} at once");

        // Timeout: a promise that takes too long rejects with TimeoutException, or fulfills with a fallback.
        try
        {
            await After(200, "slow answer").Timeout(TimeSpan.FromMilliseconds(20));
        }
        catch (TimeoutException e)
        {
            Console.WriteLine($"  Timeout(20 ms)          -> {e.GetType().Name}");
        }

        string cached = await After(200, "slow answer").Timeout(TimeSpan.FromMilliseconds(20), "cached answer");
        Console.WriteLine($"  Timeout(…, fallback)    -> {cached}");

        // A cancelled Delay rejects with OperationCanceledException and removes its loop timer (the loop does not wait for it).
        using (var cancellation = new CancellationTokenSource())
        {
            Promise nap = Promise.Delay(TimeSpan.FromHours(1), null, cancellation.Token);
            cancellation.Cancel();
            await nap.Catch(e => Console.WriteLine($"  Delay(1 h) cancelled    -> {e.GetType().Name}"));
        }

        // Retry: a flaky call, tried again after a growing backoff.
        int attempts = 0;
        string flaky = await Promise.Retry(
            () => ++attempts < 3 ? Promise.Reject<string>(new IOException($"attempt {attempts} failed")) : After(5, $"ok on attempt {attempts}"),
            attempts: 5,
            backoff: failed => TimeSpan.FromMilliseconds(10 * failed));
        Console.WriteLine($"  Retry(5, backoff)       -> {flaky}");

        // Some: the first two mirrors to answer, in the order they answered.
        string[] fastest = await Promise.Some([After(30, "eu"), After(10, "us"), After(20, "asia")], 2);
        Console.WriteLine($"  Some(…, 2)              -> [{string.Join(", ", fastest)}]");

        // InCompletionOrder: handle each result as soon as it is there.
        var order = new List<string>();
        await foreach (Promise<string> done in Promise.InCompletionOrder([After(30, "third"), After(10, "first"), After(20, "second")]))
        {
            order.Add(done.Value);
        }

        Console.WriteLine($"  InCompletionOrder       -> {string.Join(" → ", order)}");

        // LINQ query syntax: from … from … where … select, each step a Then.
        Promise<string> query =
            from name in After(5, "ada")
            from visits in After(5, 41)
            where visits >= 0
            select $"{name} has visited {visits + 1} times";
        string greeting = await query;
        Console.WriteLine($"  from … from … select    -> {greeting}");
    });

    // A value that arrives after a delay, like new Promise(r => setTimeout(() => r(value), ms)) in JavaScript.
    private static Promise<T> After<T>(int milliseconds, T value) => Promise.Delay(milliseconds).Then(() => value);
}
