using PromiseJs.Diagnostics;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Occurs when a rejected promise has no handler: inside <see cref="PromiseLoop"/> after the microtask checkpoint
    /// (as node's <c>unhandledRejection</c>), elsewhere when the unobserved promise is garbage-collected.</summary>
    /// <remarks>Nothing happens by default: unlike node, an unhandled rejection never ends the process. Handlers may run on
    /// the loop thread or on the finalizer thread. A handler that throws stops neither the other handlers nor the loop: its
    /// exception is written to the <c>PromiseJs</c> event source (event <c>SubscriberFailed</c>) and goes no further.</remarks>
    public static event EventHandler<UnhandledRejectionEventArgs>? UnhandledRejection;

    /// <summary>Occurs when a promise already reported through <see cref="UnhandledRejection"/> gets a handler
    /// (as node's <c>rejectionHandled</c>).</summary>
    /// <remarks>It is raised inside the call that attached the handler (or on the loop); a handler of this event that throws
    /// stops neither the other handlers nor that call: its exception is written to the <c>PromiseJs</c> event source (event
    /// <c>SubscriberFailed</c>) and goes no further.</remarks>
    public static event EventHandler<UnhandledRejectionEventArgs>? RejectionHandled;

    /// <summary>Starts a quiet scope: promises rejected in this asynchronous flow until the scope is disposed are never
    /// reported as unhandled. Meant for tests and code that reject on purpose.</summary>
    /// <returns>The scope; dispose it to end the quiet mode.</returns>
    public static IDisposable SuppressUnhandledRejections() => RejectionTracker.Suppress();

    internal static void RaiseUnhandledRejection(Promise promise, Exception reason)
    {
        PromiseEventSource.OnUnhandledRejection(promise, reason);
        Notify(UnhandledRejection, nameof(UnhandledRejection), promise, reason);
    }

    internal static void RaiseRejectionHandled(Promise promise, Exception reason)
    {
        PromiseEventSource.OnRejectionHandled(promise);
        Notify(RejectionHandled, nameof(RejectionHandled), promise, reason);
    }

    // Calls every subscriber, each on its own: one that throws stops neither the others nor the code that raised the event
    // (the loop's checkpoint, the finalizer thread, a call that attached a handler late). Its exception goes to the
    // event source (SubscriberFailed), never up the stack: on the finalizer or a pool thread it would end the process.
    private static void Notify(EventHandler<UnhandledRejectionEventArgs>? subscribers, string eventName, Promise promise, Exception reason)
    {
        if (subscribers is null)
        {
            return;
        }

        var args = new UnhandledRejectionEventArgs(promise, reason);
        foreach (Delegate subscriber in subscribers.GetInvocationList())
        {
            try
            {
                ((EventHandler<UnhandledRejectionEventArgs>)subscriber)(null, args);
            }
            catch (Exception ex)
            {
                PromiseEventSource.OnSubscriberFailed(eventName, ex);
            }
        }
    }
}
