using PromiseJs.Diagnostics;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Occurs when a rejected promise has no handler: inside <see cref="PromiseLoop"/> after the microtask checkpoint
    /// (as node's <c>unhandledRejection</c>), elsewhere when the unobserved promise is garbage-collected.</summary>
    /// <remarks>Nothing happens by default: unlike node, an unhandled rejection never ends the process. Handlers may run on
    /// the loop thread or on the finalizer thread; an exception thrown by a handler on the finalizer thread is swallowed.</remarks>
    public static event EventHandler<UnhandledRejectionEventArgs>? UnhandledRejection;

    /// <summary>Occurs when a promise already reported through <see cref="UnhandledRejection"/> gets a handler
    /// (as node's <c>rejectionHandled</c>).</summary>
    public static event EventHandler<UnhandledRejectionEventArgs>? RejectionHandled;

    /// <summary>Starts a quiet scope: promises rejected in this asynchronous flow until the scope is disposed are never
    /// reported as unhandled. Meant for tests and code that reject on purpose.</summary>
    /// <returns>The scope; dispose it to end the quiet mode.</returns>
    public static IDisposable SuppressUnhandledRejections() => RejectionTracker.Suppress();

    internal static void RaiseUnhandledRejection(Promise promise, Exception reason)
    {
        PromiseEventSource.OnUnhandledRejection(promise, reason);
        UnhandledRejection?.Invoke(null, new UnhandledRejectionEventArgs(promise, reason));
    }

    internal static void RaiseRejectionHandled(Promise promise, Exception reason)
    {
        PromiseEventSource.OnRejectionHandled(promise);
        RejectionHandled?.Invoke(null, new UnhandledRejectionEventArgs(promise, reason));
    }
}
