namespace PromiseJs.Reactive.Tests.TestSupport;

/// <summary>Reads the reason of a promise a test expects to be rejected, and handles it, so the rejection is not reported
/// as unhandled when the promise is collected.</summary>
internal static class Rejections
{
    public static Exception ReasonOf(Promise promise)
    {
        Assert.Equal(PromiseState.Rejected, promise.State);
        promise.Catch(static _ => { });
        return promise.Reason!;
    }
}
