using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PromiseJs.Context;
using PromiseJs.Reactive;

namespace PromiseJs.Samples;

/// <summary>The tour's "observable interop" section (PromiseJs.Reactive): Rx debounces a search box, promises fetch, and the
/// two meet through ToObservable, ToPromise, PromiseObservable.Defer and the schedulers.</summary>
public static class ObservableInterop
{
    private static readonly string[] s_catalog = ["promise", "promises", "prompt", "promote", "proxy", "protocol", "pretty"];

    public static void Run()
    {
        SearchBoxOnVirtualTime();
        RxOnTheLoop();
    }

    // A search box on one virtual clock: an Rx HistoricalScheduler drives the keystrokes, the debounce, the fake backend and
    // (through ToPromiseScheduler) the promise handlers, so the whole story runs instantly and always prints the same.
    private static void SearchBoxOnVirtualTime()
    {
        var start = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var clock = new HistoricalScheduler(start);
        void Log(string text) => Console.WriteLine($"  [{(clock.Now - start).TotalMilliseconds,5}ms] {text}");

        // The backend, promise-based: answers after 500ms, and gives up when the token is cancelled.
        Promise<string[]> Search(string term, CancellationToken token) => new((resolve, reject) =>
        {
            Log($"search '{term}'");
            IDisposable answer = clock.Schedule(TimeSpan.FromMilliseconds(500),
                () => resolve(s_catalog.Where(word => word.StartsWith(term, StringComparison.Ordinal)).ToArray()));
            token.Register(() =>
            {
                answer.Dispose();
                Log($"search '{term}' cancelled: a newer term came first");
                reject(new OperationCanceledException(token));
            });
        });

        Promise<string> Describe(string word) =>
            Observable.Return($"{word} ({word.Length})").Delay(TimeSpan.FromMilliseconds(100), clock).FirstToPromise();

        // What the user types, and when.
        IObservable<string> keystrokes = new[] { (0, "p"), (80, "pr"), (160, "pro"), (700, "prom"), (780, "promi"), (1150, "promise") }
            .ToObservable()
            .SelectMany(key => Observable.Return(key.Item2).Delay(TimeSpan.FromMilliseconds(key.Item1), clock))
            .Merge(Observable.Never<string>())
            .TakeUntil(Observable.Timer(TimeSpan.FromMilliseconds(2000), clock));   // the user leaves the box at 2s

        // Rx debounces; every term becomes a cold promise (Defer), and Switch cancels the one a newer term replaces.
        IObservable<string[]> results = keystrokes
            .Throttle(TimeSpan.FromMilliseconds(300), clock)
            .DistinctUntilChanged()
            .Select(term => PromiseObservable.Defer(token => Search(term, token)))
            .Switch()
            .Do(found => Log($"{found.Length} results: {string.Join(", ", found)}"));

        // Promise handlers attached in this context run on the virtual clock. Rx work does not carry the async flow it was
        // scheduled from, so the clock is run inside the context too: handlers attached by Rx work land on the clock as well.
        var page = new PromiseContext(new PromiseContextOptions { Name = "search page", Scheduler = clock.ToPromiseScheduler() });
        Promise<string> summary;
        using (page.Enter())
        {
            // Promise code awaits the observable (its last value) and goes on with promises.
            summary = Promise.Run(async () =>
            {
                string[] last = await results.ToPromise();
                string[] described = await Promise.All(last.Select(Describe));
                return string.Join(", ", described);
            });
            clock.Start();
        }

        page.Complete();
        Log($"the page shows: {summary.Value}");
    }

    // The PromiseLoop as an Rx scheduler: Rx timers are loop timers, in JavaScript's order beside Promise.Delay, and awaiting
    // an observable inside the loop never blocks it.
    private static void RxOnTheLoop()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        PromiseLoop.Run(async () =>
        {
            PromiseLoopScheduler loop = PromiseLoopScheduler.Current;
            var order = new List<string>();
            Observable.Timer(TimeSpan.FromMilliseconds(40), loop).Subscribe(_ => order.Add("Rx timer 40ms"));
            _ = Promise.Delay(10).Then(() => order.Add("Promise.Delay 10ms"));
            Observable.Timer(TimeSpan.FromMilliseconds(25), loop).Subscribe(_ => order.Add("Rx timer 25ms"));

            int ticks = await Observable.Interval(TimeSpan.FromMilliseconds(20), loop).Take(3).Count().ToPromise();
            int doubled = await Promise.Resolve(21).ToObservable().Select(x => x * 2).FirstToPromise();
            await Promise.Delay(50);

            Console.WriteLine($"  timers in due order on one loop: {string.Join(" → ", order)}");
            Console.WriteLine($"  awaited {ticks} Rx interval ticks and a promise turned observable ({doubled}), " +
                $"still on the loop thread: {Environment.CurrentManagedThreadId == loopThread}");
        });
    }
}
