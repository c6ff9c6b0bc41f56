namespace PromiseJs.Tests;

/// <summary><see cref="UnhandledRejectionEventArgs"/>.</summary>
public sealed class UnhandledRejectionEventArgsTests
{
    [Fact]
    public void Ctor_PromiseAndReason_AreExposed()
    {
        var promise = Promise.WithResolvers().Promise;
        var reason = new FormatException();

        var args = new UnhandledRejectionEventArgs(promise, reason);

        Assert.Same(promise, args.Promise);
        Assert.Same(reason, args.Reason);
    }

    [Fact]
    public void Ctor_NullArgument_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new UnhandledRejectionEventArgs(null!, new FormatException()));
        Assert.Throws<ArgumentNullException>(() => new UnhandledRejectionEventArgs(Promise.Resolve(), null!));
    }
}
