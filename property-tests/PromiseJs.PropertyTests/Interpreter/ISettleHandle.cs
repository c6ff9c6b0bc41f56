namespace PromiseJs.PropertyTests.Interpreter;

/// <summary>A pending promise and the functions that settle it, as <see cref="PromiseOperations.WithResolvers"/> hands them
/// out. <see cref="Promise"/> is read each time it is used, so a broken implementation can swap it.</summary>
public interface ISettleHandle
{
    /// <summary>Gets the promise, as later consumers see it.</summary>
    Promise<int> Promise { get; }

    /// <summary>Fulfills the promise (only the first settling call counts).</summary>
    void Resolve(int value);

    /// <summary>Rejects the promise (only the first settling call counts).</summary>
    void Reject(Exception reason);
}
