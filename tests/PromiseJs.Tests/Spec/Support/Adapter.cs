namespace PromiseJs.Tests.Spec.Support;

/// <summary>The suite's adapter (<c>resolved</c>, <c>rejected</c>, <c>deferred</c>) for PromiseJs.</summary>
internal static class Adapter
{
    /// <summary><c>adapter.resolved(value)</c>: an already fulfilled promise.</summary>
    public static Promise<T> Resolved<T>(T value) => Promise.Resolve<T>(value);

    /// <summary><c>adapter.resolved()</c>: an already fulfilled promise of no value.</summary>
    public static Promise Resolved() => Promise.Resolve();

    /// <summary><c>adapter.rejected(reason)</c>: an already rejected promise.</summary>
    public static Promise<T> Rejected<T>(Exception reason) => Promise.Reject<T>(reason);

    /// <summary><c>adapter.rejected(reason)</c> for a promise of no value.</summary>
    public static Promise Rejected(Exception reason) => Promise.Reject(reason);

    /// <summary><c>adapter.deferred()</c>: a pending promise and the functions that settle it.</summary>
    public static PromiseWithResolvers<T> Deferred<T>() => Promise.WithResolvers<T>();
}
