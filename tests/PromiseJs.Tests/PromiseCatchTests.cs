namespace PromiseJs.Tests;

/// <summary><c>Catch</c>: all forms on <see cref="Promise{T}"/> and <see cref="Promise"/>, including the typed <c>Catch&lt;TException&gt;</c>.</summary>
public sealed class PromiseCatchTests
{
    [Fact]
    public void Catch_Rejected_FulfillsWithTheHandlersResult()
    {
        var reason = new FormatException();
        Exception? seen = null;

        int value = PromiseLoop.Run(() => Promise.Reject<int>(reason).Catch(e => { seen = e; return 42; }));

        Assert.Equal(42, value);
        Assert.Same(reason, seen);
    }

    [Fact]
    public void Catch_Fulfilled_HandlerNotCalledAndValuePassesThrough()
    {
        bool called = false;

        int value = PromiseLoop.Run(() => Promise.Resolve(7).Catch(e => { called = true; return 0; }));

        Assert.Equal(7, value);
        Assert.False(called);
    }

    [Fact]
    public void Catch_HandlerThrows_RejectsWithTheNewException()
    {
        var replacement = new InvalidOperationException("replacement");

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Reject<int>(new FormatException()).Catch(e => throw replacement)));

        Assert.Same(replacement, caught);
    }

    [Fact]
    public void Catch_HandlerReturnsPromise_AdoptsIt()
    {
        int value = PromiseLoop.Run(() =>
            Promise.Reject<int>(new FormatException()).Catch(e => Promise.Resolve(1).Then(x => x + 1)));

        Assert.Equal(2, value);
    }

    [Fact]
    public void Catch_HandlerReturnsRejectedPromise_RejectsWithItsReason()
    {
        var second = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Reject<int>(new FormatException()).Catch(e => Promise.Reject<int>(second))));

        Assert.Same(second, caught);
    }

    [Fact]
    public void Catch_HandlerReturnsTask_AdoptsIt()
    {
        int value = PromiseLoop.Run(() => Promise.Reject<int>(new FormatException()).Catch(async e =>
        {
            await Task.Yield();
            return 5;
        }));

        Assert.Equal(5, value);
    }

    [Fact]
    public void CatchOfTException_MatchingType_Handles()
    {
        int value = PromiseLoop.Run(() =>
            Promise.Reject<int>(new FormatException("bad")).Catch((FormatException e) => e.Message.Length));

        Assert.Equal(3, value);
    }

    [Fact]
    public void CatchOfTException_DerivedType_Handles()
    {
        int value = PromiseLoop.Run(() =>
            Promise.Reject<int>(new ArgumentNullException("p")).Catch((ArgumentException e) => 1));

        Assert.Equal(1, value);
    }

    [Fact]
    public void CatchOfTException_OtherType_PassesTheSameReasonThroughWithoutCallingTheHandler()
    {
        var reason = new FormatException();
        bool called = false;

        var caught = Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
            Promise.Reject<int>(reason).Catch((InvalidOperationException e) => { called = true; return 0; })));

        Assert.Same(reason, caught);
        Assert.False(called);
    }

    [Fact]
    public void CatchOfTException_Fulfilled_ValuePassesThrough()
    {
        int value = PromiseLoop.Run(() => Promise.Resolve(8).Catch((FormatException e) => 0));

        Assert.Equal(8, value);
    }

    [Fact]
    public void CatchOfTException_PromiseReturningHandler_AdoptsTheReturnedPromise()
    {
        int value = PromiseLoop.Run(() =>
            Promise.Reject<int>(new FormatException()).Catch((FormatException e) => Promise.Resolve(9)));

        Assert.Equal(9, value);
    }

    [Fact]
    public void Catch_ActionOnPromiseOfT_FulfillsTheValueLessPromiseOnRejection()
    {
        var reason = new FormatException();
        Exception? seen = null;

        PromiseLoop.Run(() =>
        {
            Promise handled = Promise.Reject<int>(reason).Catch(e => { seen = e; });
            return handled;
        });

        Assert.Same(reason, seen);
    }

    [Fact]
    public void Catch_ValueLessPromiseRejected_HandlerRunsAndFulfills()
    {
        var reason = new FormatException();
        Exception? seen = null;
        Promise? handled = null;

        PromiseLoop.Run(() => handled = Promise.Reject(reason).Catch(e => { seen = e; }));

        Assert.Same(reason, seen);
        Assert.Equal(PromiseState.Fulfilled, handled!.State);
    }

    [Fact]
    public void Catch_ValueLessPromiseReturningPromise_AdoptsIt()
    {
        var log = new List<string>();

        PromiseLoop.Run(() => Promise.Reject(new FormatException())
            .Catch(e => Promise.Resolve().Then(() => log.Add("inner")))
            .Then(() => log.Add("outer")));

        Assert.Equal(["inner", "outer"], log);
    }

    [Fact]
    public void Catch_ValueLessPromiseReturningFaultedTask_RejectsWithTheTasksException()
    {
        var fault = new InvalidOperationException();

        var caught = Assert.Throws<InvalidOperationException>(() =>
            PromiseLoop.Run(() => Promise.Reject(new FormatException()).Catch(e => Task.FromException(fault))));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void CatchOfTException_ValueLessPromiseOtherType_PassesThrough()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Reject(reason).Catch((InvalidOperationException e) => { })));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void CatchOfTException_ValueLessPromiseMatchingType_Handles()
    {
        Exception? seen = null;
        var reason = new InvalidOperationException();

        PromiseLoop.Run(() => Promise.Reject(reason).Catch((InvalidOperationException e) => { seen = e; }));

        Assert.Same(reason, seen);
    }
}
