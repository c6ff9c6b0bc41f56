namespace PromiseJs.Tests.Reliability;

/// <summary>A synchronization context whose <see cref="Post"/> throws (the first <c>failures</c> times; always by default),
/// like a UI dispatcher that has shut down; posts it accepts run on the thread pool.</summary>
internal sealed class ThrowingSynchronizationContext(int failures = int.MaxValue) : SynchronizationContext
{
    public FailingPost Posts { get; } = new(failures);

    public override void Post(SendOrPostCallback d, object? state) => Posts.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The library should only ever post to a synchronization context.");

    public override SynchronizationContext CreateCopy() => this;
}
