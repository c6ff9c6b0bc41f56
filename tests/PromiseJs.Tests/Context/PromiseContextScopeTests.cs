using PromiseJs.Context;

namespace PromiseJs.Tests.Context;

/// <summary><see cref="PromiseContextScope"/>: what <see cref="PromiseContext.Enter"/> returns; disposing it (with <c>using</c>
/// or <c>await using</c>, across awaits) restores the previous context, in order, once.</summary>
public sealed class PromiseContextScopeTests
{
    [Fact]
    public void Context_IsTheEnteredContext()
    {
        var context = new PromiseContext();

        using PromiseContextScope scope = context.Enter();

        Assert.Same(context, scope.Context);
    }

    [Fact]
    public void Dispose_NestedUsings_RestoreEachPreviousContext()
    {
        var outer = new PromiseContext(new() { Name = "outer" });
        var inner = new PromiseContext(new() { Name = "inner" });

        using (outer.Enter())
        {
            using (inner.Enter())
            {
                Assert.Same(inner, PromiseContext.Current);
            }

            Assert.Same(outer, PromiseContext.Current);
        }

        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task DisposeAsync_AwaitUsingAcrossAwaits_KeepsTheContextCurrentThenRestoresThePreviousOne()
    {
        var outer = new PromiseContext(new() { Name = "outer" });
        var inner = new PromiseContext(new() { Name = "inner" });

        await using (outer.Enter())
        {
            await using (inner.Enter())
            {
                await Task.Yield();
                Assert.Same(inner, PromiseContext.Current);
                await Task.Delay(1);
                Assert.Same(inner, PromiseContext.Current);
            }

            Assert.Same(outer, PromiseContext.Current);
            await Task.Yield();
            Assert.Same(outer, PromiseContext.Current);
        }

        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public void DisposeAsync_InsideALoopAcrossPromiseAwaits_RestoresThePreviousContext()
    {
        PromiseLoop.Run(async () =>
        {
            var context = new PromiseContext();
            await using (context.Enter())
            {
                await Promise.Resolve();
                await Promise.Delay(0);
                Assert.Same(context, PromiseContext.Current);
            }

            Assert.Null(PromiseContext.Current);
        });
    }

    [Fact]
    public void Dispose_OutOfOrder_ThrowsPromiseContextExceptionAndLeavesTheCurrentContext()
    {
        var outer = new PromiseContext(new() { Name = "outer" });
        var inner = new PromiseContext(new() { Name = "inner" });
        PromiseContextScope outerScope = outer.Enter();
        PromiseContextScope innerScope = inner.Enter();

        var error = Assert.Throws<PromiseContextException>(outerScope.Dispose);

        Assert.Contains("outer", error.Message);
        Assert.Same(inner, PromiseContext.Current);
        innerScope.Dispose();
        outerScope.Dispose();
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task DisposeAsync_OutOfOrder_ThrowsPromiseContextException()
    {
        var outer = new PromiseContext();
        var inner = new PromiseContext();
        PromiseContextScope outerScope = outer.Enter();
        PromiseContextScope innerScope = inner.Enter();

        await Assert.ThrowsAsync<PromiseContextException>(async () => await outerScope.DisposeAsync());

        await innerScope.DisposeAsync();
        await outerScope.DisposeAsync();
        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public void Dispose_SecondTime_DoesNothing()
    {
        var first = new PromiseContext();
        var second = new PromiseContext();
        PromiseContextScope firstScope = first.Enter();
        firstScope.Dispose();

        using (second.Enter())
        {
            firstScope.Dispose();
            Assert.Same(second, PromiseContext.Current);
        }

        Assert.Null(PromiseContext.Current);
    }

    [Fact]
    public async Task DisposeAsync_AfterDispose_DoesNothing()
    {
        var context = new PromiseContext();
        PromiseContextScope scope = context.Enter();

        scope.Dispose();
        await scope.DisposeAsync();

        Assert.Null(PromiseContext.Current);
    }
}
