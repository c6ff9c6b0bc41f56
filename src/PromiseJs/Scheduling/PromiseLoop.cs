using System.Runtime.CompilerServices;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

// The loop lives with the schedulers (STYLE: "Scheduling/ (schedulers and PromiseLoop)"), but its namespace stays the root
// one: PromiseLoop.Run is everyday API, used with `using PromiseJs;` alone, and the public API does not move.
namespace PromiseJs;

// Overload priorities: an async lambda fits both the Task and the Promise shapes (Promise is task-like); it stays a Task.

/// <summary>A JavaScript-style single-threaded event loop on the calling thread.</summary>
/// <remarks>
/// <para>Inside <c>Run</c>, every continuation of promises made there runs on the calling thread in JavaScript's order: one
/// FIFO microtask queue, drained completely before the next timer or posted task. The loop installs its own
/// <see cref="SynchronizationContext"/>, so <c>await</c> inside it resumes on it; work posted from other threads (an adopted
/// task completing on the thread pool) is waited for and runs on the loop.</para>
/// <para><c>Run</c> returns when <c>main</c>'s promise has settled and no queued work, timer or adopted task is left (like
/// node, which stays alive while timers are pending). While <c>main</c>'s promise is pending with nothing queued, the loop
/// waits for other threads. Loops do not nest.</para>
/// </remarks>
public static class PromiseLoop
{
    /// <summary>Gets whether the calling thread is inside <c>PromiseLoop.Run</c>.</summary>
    public static bool IsRunning => LoopCore.Current is not null;

    /// <summary>Runs <paramref name="main"/> inside a loop on this thread until its promise settles and no work is left.</summary>
    /// <param name="main">Called once, on this thread, inside the loop; the promise it returns decides when <c>Run</c>
    /// may return and whether it throws.</param>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    public static void Run(Func<Promise> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        RunCore(main, static main => main());
    }

    /// <summary>Runs <paramref name="main"/> inside a loop on this thread until its promise settles and no work is left, or
    /// until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="main">Starts the program and returns the promise it waits for.</param>
    /// <param name="cancellationToken">Ends the loop early: at the next point between jobs after it is cancelled, <c>Run</c>
    /// stops and throws <see cref="OperationCanceledException"/>; microtasks and timers still queued on the loop are dropped
    /// (as when a node process exits), while tasks already queued (<see cref="SetImmediate"/>, work posted from other threads)
    /// and work posted afterwards run on the thread pool, so nothing posted is lost.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (before the loop
    /// started: <paramref name="main"/> does not run).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    public static void Run(Func<Promise> main, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(main);
        RunCore(main, static main => main(), cancellationToken);
    }

    /// <summary>Runs <paramref name="main"/> inside a loop on this thread and returns its promise's value, or throws its reason.</summary>
    /// <typeparam name="T">The value type of the promise <paramref name="main"/> returns.</typeparam>
    /// <param name="main">Called once, on this thread, inside the loop; the promise it returns decides when <c>Run</c>
    /// may return, and with what.</param>
    /// <returns>The value <paramref name="main"/>'s promise fulfilled with, once that promise has settled and no queued
    /// work, timer or adopted task is left; if it rejected, <c>Run</c> throws its reason (the original exception)
    /// instead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    public static T Run<T>(Func<Promise<T>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        return ((Promise<T>)RunCore(main, static main => main()))._value;
    }

    /// <summary>Runs <paramref name="main"/> inside a loop on this thread and returns its promise's value, or throws its
    /// reason; stops early once <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <typeparam name="T">The type of the program's result.</typeparam>
    /// <param name="main">Starts the program and returns the promise of its result.</param>
    /// <param name="cancellationToken">Ends the loop early: at the next point between jobs after it is cancelled, <c>Run</c>
    /// stops and throws <see cref="OperationCanceledException"/>; microtasks and timers still queued on the loop are dropped
    /// (as when a node process exits), while tasks already queued (<see cref="SetImmediate"/>, work posted from other threads)
    /// and work posted afterwards run on the thread pool, so nothing posted is lost.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (before the loop
    /// started: <paramref name="main"/> does not run).</exception>
    /// <returns>The value <paramref name="main"/>'s promise fulfilled with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    public static T Run<T>(Func<Promise<T>> main, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(main);
        return ((Promise<T>)RunCore(main, static main => main(), cancellationToken))._value;
    }

    /// <summary>Runs the asynchronous <paramref name="main"/> inside a loop on this thread until its task completes and no work is left.</summary>
    /// <param name="main">Called once, on this thread, inside the loop (an <c>async () => { … }</c> lambda: its awaits
    /// resume on the loop); the task it returns decides when <c>Run</c> may return and whether it throws.</param>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static void Run(Func<Task> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        RunCore(main, static main => Promise.From(main() ?? throw NullMain()));
    }

    /// <summary>Runs the asynchronous <paramref name="main"/> inside a loop on this thread until its task completes and no
    /// work is left, or until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="main">Starts the program and returns the task it waits for.</param>
    /// <param name="cancellationToken">Ends the loop early: at the next point between jobs after it is cancelled, <c>Run</c>
    /// stops and throws <see cref="OperationCanceledException"/>; microtasks and timers still queued on the loop are dropped
    /// (as when a node process exits), while tasks already queued (<see cref="SetImmediate"/>, work posted from other threads)
    /// and work posted afterwards run on the thread pool, so nothing posted is lost.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (before the loop
    /// started: <paramref name="main"/> does not run).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static void Run(Func<Task> main, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(main);
        RunCore(main, static main => Promise.From(main() ?? throw NullMain()), cancellationToken);
    }

    /// <summary>Runs the asynchronous <paramref name="main"/> inside a loop on this thread and returns its task's result.</summary>
    /// <typeparam name="T">The result type of the task <paramref name="main"/> returns.</typeparam>
    /// <param name="main">Called once, on this thread, inside the loop (an <c>async () => …</c> lambda: its awaits
    /// resume on the loop); the task it returns decides when <c>Run</c> may return, and with what.</param>
    /// <returns>The result of <paramref name="main"/>'s task, once it has completed and no queued work, timer or
    /// adopted task is left; if it faulted or was cancelled, <c>Run</c> throws its exception instead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static T Run<T>(Func<Task<T>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        return ((Promise<T>)RunCore(main, static main => Promise.From(main() ?? throw NullMain())))._value;
    }

    /// <summary>Runs the asynchronous <paramref name="main"/> inside a loop on this thread and returns its task's result;
    /// stops early once <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <typeparam name="T">The type of the program's result.</typeparam>
    /// <param name="main">Starts the program and returns the task of its result.</param>
    /// <param name="cancellationToken">Ends the loop early: at the next point between jobs after it is cancelled, <c>Run</c>
    /// stops and throws <see cref="OperationCanceledException"/>; microtasks and timers still queued on the loop are dropped
    /// (as when a node process exits), while tasks already queued (<see cref="SetImmediate"/>, work posted from other threads)
    /// and work posted afterwards run on the thread pool, so nothing posted is lost.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (before the loop
    /// started: <paramref name="main"/> does not run).</exception>
    /// <returns>The result of <paramref name="main"/>'s task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The thread is already running a loop, or <paramref name="main"/> returned <see langword="null"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static T Run<T>(Func<Task<T>> main, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(main);
        return ((Promise<T>)RunCore(main, static main => Promise.From(main() ?? throw NullMain()), cancellationToken))._value;
    }

    /// <summary>Queues <paramref name="callback"/> as a microtask (JavaScript's <c>queueMicrotask</c>).</summary>
    /// <param name="callback">Called once on the loop thread, after the microtasks already queued and before the next
    /// timer or task; an exception it throws ends <c>Run</c> with that exception, as an uncaught error ends a
    /// script.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The calling thread is not running a loop.</exception>
    public static void QueueMicrotask(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RequireLoop(nameof(QueueMicrotask)).QueueMicrotask(new ActionReaction(callback));
    }

    /// <summary>Runs <paramref name="callback"/> as a timer task after <paramref name="milliseconds"/> (JavaScript's <c>setTimeout</c>).</summary>
    /// <param name="callback">Called once on the loop thread, as a timer task, unless the returned handle is disposed
    /// first; an exception it throws ends <c>Run</c> with that exception.</param>
    /// <param name="milliseconds">How many milliseconds to wait, on the system clock; zero or more.</param>
    /// <returns>A handle: disposing it (from any thread) cancels the timer, as <c>clearTimeout</c> does, and the loop no
    /// longer waits for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milliseconds"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calling thread is not running a loop.</exception>
    public static IDisposable SetTimeout(Action callback, int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        return SetTimeout(callback, TimeSpan.FromMilliseconds(milliseconds), TimeProvider.System);
    }

    /// <summary>Runs <paramref name="callback"/> as a timer task after <paramref name="delay"/> measured by <paramref name="timeProvider"/>.</summary>
    /// <param name="callback">Called once on the loop thread, as a timer task, unless the returned handle is disposed
    /// first; an exception it throws ends <c>Run</c> with that exception.</param>
    /// <param name="delay">How long to wait; zero or more.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="delay"/> (a fake clock in tests).</param>
    /// <returns>A handle: disposing it (from any thread) cancels the timer, as <c>clearTimeout</c> does, and the loop no
    /// longer waits for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or longer than a timer can wait
    /// (<see cref="uint.MaxValue"/> - 1 milliseconds, about 49.7 days).</exception>
    /// <exception cref="InvalidOperationException">The calling thread is not running a loop.</exception>
    public static IDisposable SetTimeout(Action callback, TimeSpan delay, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeSpanChecks.Delay(delay, nameof(delay));
        return RequireLoop(nameof(SetTimeout)).AddTimer(delay, timeProvider, callback);
    }

    /// <summary>Queues <paramref name="callback"/> as a task that runs after the microtask queue is drained (node's <c>setImmediate</c>).</summary>
    /// <param name="callback">Called once on the loop thread, as a loop task after the microtask queue is drained; an
    /// exception it throws ends <c>Run</c> with that exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The calling thread is not running a loop.</exception>
    public static void SetImmediate(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RequireLoop(nameof(SetImmediate)).PostJob(new ActionReaction(callback), null);
    }

    private static Promise RunCore<TMain>(TMain main, Func<TMain, Promise> start, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LoopCore loop = LoopCore.Enter(out SynchronizationContext? previousContext);
        try
        {
            Promise promise = start(main) ?? throw NullMain();
            loop.RunUntilSettled(promise, cancellationToken);
            promise.ThrowIfRejected();
            return promise;
        }
        finally
        {
            loop.Exit(previousContext);
        }
    }

    private static LoopCore RequireLoop(string member) =>
        LoopCore.Current ?? throw new InvalidOperationException(
            $"PromiseLoop.{member} needs a running loop on this thread; call it inside PromiseLoop.Run(...).");

    private static InvalidOperationException NullMain() =>
        new("The main function passed to PromiseLoop.Run returned null; return the promise or task the program waits for.");
}
