using PromiseJs.Context;
using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Context;

/// <summary>
/// How <see cref="PromiseScope"/> children's failures meet <see cref="Promise.UnhandledRejection"/>: the scope reports them
/// (by rethrowing at its end), so they are never also reported as unhandled rejections; a failed work node outside any
/// scope still is. The event is global: this class runs alone and filters on reasons it created.
/// </summary>
[Collection(UnhandledRejectionsGroup.Name)]
public sealed class PromiseScopeRejectionReportTests : IDisposable
{
    private readonly List<Exception> _reported = [];

    public PromiseScopeRejectionReportTests() => Promise.UnhandledRejection += OnUnhandledRejection;

    public void Dispose() => Promise.UnhandledRejection -= OnUnhandledRejection;

    [Fact]
    public void UnobservedChildFailure_IsRethrownByTheScope_NotReportedAsUnhandled()
    {
        var reason = new FormatException("reported by the scope");

        var thrown = Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            await using (PromiseScope.Open())
            {
                _ = Promise.Run<int>(() => throw reason);
            }
        }));

        Assert.Same(reason, thrown);
        Assert.DoesNotContain(reason, Reported());
    }

    [Fact]
    public void SiblingsCancelledByTheScope_AreNotReportedAsUnhandled()
    {
        var reason = new FormatException("fails first");
        Promise<int>? sibling = null;

        Assert.Throws<FormatException>(() => PromiseLoop.Run(async () =>
        {
            var never = Promise.WithResolvers<int>();
            await using (PromiseScope.Open())
            {
                sibling = Promise.Run(() => never.Promise);
                _ = Promise.Run<int>(() => throw reason);
            }
        }));

        Assert.NotNull(sibling!.Reason);
        Assert.DoesNotContain(sibling.Reason, Reported());
    }

    [Fact]
    [ExpectsUnhandledRejections]
    public void FailedWorkOutsideAnyScope_IsReportedAsUnhandled()
    {
        var reason = new FormatException("nobody handles this");

        PromiseLoop.Run(() =>
        {
            Promise.Run<int>(() => throw reason);
            return Promise.Resolve();
        });

        Assert.Contains(reason, Reported());
    }

    private List<Exception> Reported()
    {
        lock (_reported)
        {
            return [.. _reported];
        }
    }

    private void OnUnhandledRejection(object? sender, UnhandledRejectionEventArgs args)
    {
        lock (_reported)
        {
            _reported.Add(args.Reason);
        }
    }
}
