using PromiseJs.Context;

namespace PromiseJs.Samples;

/// <summary>The tour's promise-tree sections: a small crawler whose fetches form a tree sharing one deadline, and a
/// structured scope in which one failure cancels its siblings.</summary>
internal static class ContextTour
{
    // How long the servers that "hang" take to answer: long after the crawl's deadline, but short enough that the tour,
    // whose loop (like node) stays alive until its last timer fires, does not wait long for them.
    private const int HangMilliseconds = 600;
    private const int DeadlineMilliseconds = 300;
    private const int WatchdogMilliseconds = 150;

    // A fake site, no network: each page's latency and links. Three pages hang; /blog/2024 links back to the start.
    private static readonly Dictionary<string, FakePage> s_site = new()
    {
        ["/"] = new(10, ["/docs", "/blog", "/shop"]),
        ["/docs"] = new(20, ["/docs/intro", "/docs/api"]),
        ["/docs/intro"] = new(10, []),
        ["/docs/api"] = new(20, ["/docs/api/v1"]),
        ["/docs/api/v1"] = new(HangMilliseconds, []),
        ["/blog"] = new(15, ["/blog/2024", "/blog/2025"]),
        ["/blog/2024"] = new(10, ["/"]),
        ["/blog/2025"] = new(HangMilliseconds, []),
        ["/shop"] = new(HangMilliseconds, []),
    };

    /// <summary>Crawls the fake site as a tree of <c>Promise.Run</c> nodes under one root context with a deadline, and
    /// prints the tree while some fetches are still pending.</summary>
    public static void Crawler()
    {
        var visited = new HashSet<string> { "/" };
        var fetched = new List<string>();
        PromiseLoop.Run(async () =>
        {
            // The root of the tree: its token is the deadline, and cancelling a context cancels every node below it.
            using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(DeadlineMilliseconds));
            var site = new PromiseContext(new() { Name = "crawl example.org", CancellationToken = deadline.Token });
            Console.WriteLine($"  crawling with a {DeadlineMilliseconds} ms deadline; three pages take {HangMilliseconds} ms to answer");

            Promise<int> crawl;
            using (site.Enter())
            {
                crawl = Crawl("/", visited, fetched);
            }

            // A watchdog: if the tree is not done in time, print it, as you would when an application hangs.
            // WhenChildren waits for timing only: it fulfills once every node below has settled, and never rejects.
            bool finished = await Promise.Race(
                site.WhenChildren().Then(() => true),
                Promise.Delay(WatchdogMilliseconds).Then(() => false));
            if (!finished)
            {
                Console.WriteLine($"  still running after {WatchdogMilliseconds} ms; the live tree (settled pages have dropped out):");
                foreach (string line in site.ToTreeString().TrimEnd('\n').Split('\n'))
                {
                    Console.WriteLine($"    {line}");
                }
            }

            await site.WhenChildren();
            try
            {
                Console.WriteLine($"  crawled {await crawl} pages");
            }
            catch (OperationCanceledException e)
            {
                Console.WriteLine($"  the deadline cancelled the whole tree: the crawl rejected with {e.GetType().Name}");
            }

            site.Complete();
        });

        fetched.Sort(StringComparer.Ordinal);
        List<string> cancelled = [.. visited.Except(fetched).Order(StringComparer.Ordinal)];
        Console.WriteLine($"  fetched {fetched.Count} pages: {string.Join(", ", fetched)}");
        Console.WriteLine($"  cancelled while fetching: {string.Join(", ", cancelled)}");
    }

    /// <summary>Opens a <see cref="PromiseScope"/> over three downloads (<c>async Promise</c> methods) of which one fails,
    /// cancelling the other two; the scope's end rethrows the failure nobody observed.</summary>
    public static void Scope()
    {
        var log = new List<string>();
        PromiseLoop.Run(async () =>
        {
            Promise<string>[] downloads = [];
            try
            {
                // Calling an async Promise method starts it as a child of the current context: here, the scope's.
                await using (PromiseScope.Open(new() { Name = "download", Errors = PromiseScopeErrors.CancelSiblings }))
                {
                    downloads =
                    [
                        Download("mirror-a", 60, fails: false, log),
                        Download("mirror-b", 20, fails: true, log),
                        Download("mirror-c", 90, fails: false, log),
                    ];
                }

                Console.WriteLine("  (not reached: the scope ends by rethrowing mirror-b's error)");
            }
            catch (IOException e)
            {
                Console.WriteLine($"  the scope's end rethrew the error nobody observed: {e.Message}");
            }

            string[] mirrors = ["mirror-a", "mirror-b", "mirror-c"];
            for (int i = 0; i < downloads.Length; i++)
            {
                Promise<string> download = downloads[i];
                Console.WriteLine($"  {mirrors[i]}: {download.State} with {download.Reason?.GetType().Name ?? download.Value}");
            }
        });

        // The loop ran until the cancelled downloads' timers fired: their work saw the cancellation and stopped.
        foreach (string line in log)
        {
            Console.WriteLine($"  {line}");
        }
    }

    // One page, as a node of the tree named after its URL; it fetches the page, starts a child per new link, and settles
    // once its subtree has: the number of pages fetched in it.
    private static Promise<int> Crawl(string url, HashSet<string> visited, List<string> fetched) =>
        Promise.Run(
            async () =>
            {
                FakePage page = await Fetch(url);
                // The node's work reads its token: an answer that arrives after the deadline is dropped.
                PromiseContext.RequireCurrent().CancellationToken.ThrowIfCancellationRequested();
                fetched.Add(url);

                var children = new List<Promise<int>>();
                foreach (string link in page.Links)
                {
                    if (visited.Add(link))
                    {
                        children.Add(Crawl(link, visited, fetched));
                    }
                }

                // Awaiting the children (not only WhenChildren) is what observes their errors.
                PromiseSettledResult<int>[] results = await Promise.AllSettled(children);
                return 1 + results.Sum(result => result.Status == PromiseState.Fulfilled ? result.Value : 0);
            },
            new() { Name = url });

    // A fake fetch: the page, after its latency.
    private static Promise<FakePage> Fetch(string url) =>
        Promise.Delay(s_site[url].Milliseconds).Then(() => s_site[url]);

    private static async Promise<string> Download(string mirror, int milliseconds, bool fails, List<string> log)
    {
        await Promise.Delay(milliseconds);
        if (PromiseContext.RequireCurrent().CancellationToken.IsCancellationRequested)
        {
            log.Add($"{mirror} woke up after {milliseconds} ms, found its token cancelled and stopped");
            throw new OperationCanceledException();
        }

        if (fails)
        {
            throw new IOException($"{mirror}: connection reset");
        }

        return $"{mirror}: 1.2 MB";
    }

    private sealed record FakePage(int Milliseconds, string[] Links);
}
