namespace PromiseJs.TestSupport;

/// <summary>Reads the reason of a promise a test expects to be rejected, and handles it, so the rejection is not reported
/// as unhandled when the promise is collected.</summary>
public static class Rejections
{
    /// <summary>Asserts that <paramref name="promise"/> is rejected, attaches a handler to it, and returns its reason.</summary>
    public static Exception ReasonOf(Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        Assert.Equal(PromiseState.Rejected, promise.State);
        promise.Catch(static _ => { });
        return promise.Reason!;
    }
}
