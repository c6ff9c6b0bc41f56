using PromiseJs.Scheduling;

namespace PromiseJs.Tests.Reliability;

/// <summary>A custom <see cref="PromiseScheduler"/> whose <see cref="Post"/> throws (the first <c>failures</c> times; always by
/// default); posts it accepts run on the thread pool.</summary>
internal sealed class ThrowingPromiseScheduler(int failures = int.MaxValue) : PromiseScheduler
{
    public FailingPost Posts { get; } = new(failures);

    protected internal override void Post(SendOrPostCallback callback, object? state) => Posts.Post(callback, state);
}
