using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests;

/// <summary>
/// The promise resolution procedure (Promises/A+ 2.3) for what a handler returns: itself (a cycle), one of our promises, a task,
/// or a foreign thenable.
/// </summary>
public sealed class PromiseAdoptionTests
{
    // ----- self-resolution (A+ 2.3.1) -----

    [Fact]
    public void Then_HandlerReturnsItsOwnPromise_RejectsWithInvalidOperationException()
    {
        Promise<int>? self = null;

        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() =>
        {
            self = Promise.Resolve(1).Then(x => self!);
            return self;
        }));

        Assert.IsType<InvalidOperationException>(self!.Reason);
    }

    [Fact]
    public void Then_ValueLessHandlerReturnsItsOwnPromise_RejectsWithInvalidOperationException()
    {
        Promise? self = null;

        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() =>
        {
            self = Promise.Resolve().Then(() => self);
            return self;
        }));

        Assert.IsType<InvalidOperationException>(self!.Reason);
    }

    [Fact]
    public void Catch_HandlerReturnsItsOwnPromise_RejectsWithInvalidOperationException()
    {
        Promise<int>? self = null;

        Assert.Throws<InvalidOperationException>(() => PromiseLoop.Run(() =>
        {
            self = Promise.Reject<int>(new FormatException()).Catch(e => self);
            return self;
        }));
    }

    [Fact]
    public void Then_HandlerReturnsItsOwnPromiseOnThreadPool_RejectsWithInvalidOperationException()
    {
        using var noContext = SynchronizationContextScope.None();
        Promise<int>? self = null;
        var gate = Promise.WithResolvers<int>();

        self = gate.Promise.Then(x => self!);
        gate.Resolve(1);

        Assert.Throws<InvalidOperationException>(() => self.Wait(TestTimeouts.Generous));
    }

    // ----- our promises (A+ 2.3.2) -----

    [Fact]
    public void Then_HandlerReturnsFulfilledPromise_AdoptsItsValueNotThePromise()
    {
        var result = Promise.Resolve(1).Then(x => Promise.Resolve(x + 1));

        Assert.Equal(typeof(Promise<int>), StaticType.Of(result));
        Assert.Equal(2, PromiseLoop.Run(() => result));
    }

    [Fact]
    public void Then_HandlerReturnsPendingPromise_StaysPendingUntilItSettles()
    {
        var inner = Promise.WithResolvers<string>();
        var log = new List<string>();

        string value = PromiseLoop.Run(() =>
        {
            var result = Promise.Resolve(1).Then(x => inner.Promise);
            PromiseLoop.SetImmediate(() =>
            {
                log.Add(result.State.ToString());
                inner.Resolve("late");
            });
            return result;
        });

        Assert.Equal("late", value);
        Assert.Equal(["Pending"], log);
    }

    [Fact]
    public void Then_HandlerReturnsRejectedPromise_RejectsWithTheSameReason()
    {
        var reason = new FormatException();

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Then(x => Promise.Reject<int>(reason))));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Then_HandlerReturnsPromiseSettledOnAnotherThread_AdoptsIt()
    {
        using var noContext = SynchronizationContextScope.None();
        var inner = Promise.WithResolvers<int>();

        var result = Promise.Resolve(0).Then(x => inner.Promise);
        ThreadPool.UnsafeQueueUserWorkItem(_ => inner.Resolve(77), null);

        Assert.Equal(77, result.Wait(TestTimeouts.Generous));
    }

    [Fact]
    public void Then_HandlerReturnsNullPromise_FulfillsWithDefault()
    {
        var result = Promise.Resolve(1).Then(x => (Promise<int>?)null);

        Assert.Equal(typeof(Promise<int>), StaticType.Of(result));
        Assert.Equal(0, PromiseLoop.Run(() => result));
    }

    // ----- tasks -----

    [Fact]
    public void Then_HandlerReturnsCompletedTask_AdoptsItsResult()
    {
        int value = PromiseLoop.Run(() => Promise.Resolve(2).Then(x => Task.FromResult(x * 3)));

        Assert.Equal(6, value);
    }

    [Fact]
    public void Then_HandlerReturnsFaultedTask_RejectsWithTheTasksOwnExceptionNotAggregate()
    {
        var fault = new FormatException();

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Then(x => Task.FromException<int>(fault))));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void Then_HandlerReturnsTaskFaultingLater_RejectsWithTheTasksOwnException()
    {
        var fault = new FormatException();
        Promise<int>? result = null;

        Assert.Throws<FormatException>(() => PromiseLoop.Run(() =>
        {
            result = Promise.Resolve(1).Then(async x =>
            {
                await Task.Yield();
                throw fault;
#pragma warning disable CS0162 // Unreachable: the return gives the lambda its Task<int> shape.
                return x;
#pragma warning restore CS0162
            });
            return result;
        }));

        Assert.Same(fault, result!.Reason);
    }

    [Fact]
    public void Then_HandlerReturnsCancelledTask_RejectsWithOperationCanceledException()
    {
        Assert.ThrowsAny<OperationCanceledException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Then(x => Task.FromCanceled<int>(new CancellationToken(true)))));
    }

    [Fact]
    public void Then_HandlerReturnsTaskCancelledLater_RejectsWithOperationCanceledException()
    {
        var source = new TaskCompletionSource<int>();
        Promise<int>? result = null;

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(() =>
        {
            result = Promise.Resolve(1).Then(x => source.Task);
            PromiseLoop.SetImmediate(() => ThreadPool.UnsafeQueueUserWorkItem(_ => source.SetCanceled(), null));
            return result;
        }));

        Assert.IsAssignableFrom<OperationCanceledException>(result!.Reason);
    }

    [Fact]
    public void Then_ValueLessHandlerReturnsFaultedTask_RejectsWithTheTasksOwnException()
    {
        var fault = new FormatException();

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(1).Then(x => Task.FromException(fault))));

        Assert.Same(fault, caught);
    }

    [Fact]
    public void Then_HandlerReturnsTaskCompletingOnThreadPool_AdoptsItOutsideTheLoop()
    {
        using var noContext = SynchronizationContextScope.None();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = Promise.Resolve(1).Then(x => source.Task);
        ThreadPool.UnsafeQueueUserWorkItem(_ => source.SetResult(31), null);

        Assert.Equal(31, result.Wait(TestTimeouts.Generous));
    }

    // ----- foreign thenables (A+ 2.3.3) -----

    [Fact]
    public void Then_HandlerReturnsThenable_ItsThenIsCalledOnceInALaterJob()
    {
        var log = new List<string>();
        var thenable = new ScriptedThenable<int>((resolve, reject) => resolve(5)) { OnThen = () => log.Add("thenable.Then") };

        int value = PromiseLoop.Run(() => Promise.Resolve(1).Then(x =>
        {
            // Queued before the handler returns: runs before a later job, after a synchronous call.
            PromiseLoop.QueueMicrotask(() => log.Add("microtask queued by the handler"));
            return (IThenable<int>)thenable;
        }));

        Assert.Equal(5, value);
        Assert.Equal(1, thenable.ThenCalls);
        Assert.Equal(["microtask queued by the handler", "thenable.Then"], log);
    }

    [Fact]
    public void Then_ThenableCallsResolveTwice_FirstCallWins()
    {
        var thenable = new ScriptedThenable<int>((resolve, reject) =>
        {
            resolve(1);
            resolve(2);
            reject(new FormatException());
        });

        int value = PromiseLoop.Run(() => Promise.Resolve(0).Then(x => (IThenable<int>)thenable));

        Assert.Equal(1, value);
    }

    [Fact]
    public void Then_ThenableCallsRejectThenResolve_RejectionWins()
    {
        var reason = new FormatException();
        var thenable = new ScriptedThenable<int>((resolve, reject) =>
        {
            reject(reason);
            resolve(2);
            reject(new InvalidOperationException());
        });

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(0).Then(x => (IThenable<int>)thenable)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Then_ThenableThrowsAfterResolving_ThrowIsIgnored()
    {
        var thenable = new ScriptedThenable<int>((resolve, reject) =>
        {
            resolve(3);
            throw new FormatException("ignored");
        });

        int value = PromiseLoop.Run(() => Promise.Resolve(0).Then(x => (IThenable<int>)thenable));

        Assert.Equal(3, value);
    }

    [Fact]
    public void Then_ThenableThrowsAfterRejecting_FirstRejectionKept()
    {
        var reason = new FormatException();
        var thenable = new ScriptedThenable<int>((resolve, reject) =>
        {
            reject(reason);
            throw new InvalidOperationException("ignored");
        });

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(0).Then(x => (IThenable<int>)thenable)));

        Assert.Same(reason, caught);
    }

    [Fact]
    public void Then_ThenableThrowsBeforeCallingEither_RejectsWithTheThrownException()
    {
        var thrown = new FormatException();
        var thenable = new ScriptedThenable<int>((resolve, reject) => throw thrown);

        var caught = Assert.Throws<FormatException>(() =>
            PromiseLoop.Run(() => Promise.Resolve(0).Then(x => (IThenable<int>)thenable)));

        Assert.Same(thrown, caught);
        Assert.Equal(1, thenable.ThenCalls);
    }

    [Fact]
    public void Then_ThenableResolvesLaterFromAnotherThread_Adopts()
    {
        Action<string>? resolveLater = null;
        var thenable = new ScriptedThenable<string>((resolve, reject) => resolveLater = resolve);

        string value = PromiseLoop.Run(() =>
        {
            var result = Promise.Resolve(0).Then(x => (IThenable<string>)thenable);
            PromiseLoop.SetTimeout(() => ThreadPool.UnsafeQueueUserWorkItem(_ => resolveLater!("later"), null), 0);
            return result;
        });

        Assert.Equal("later", value);
    }

    [Fact]
    public void Then_HandlerReturnsOurPromiseTypedAsThenable_AdoptsItWithoutCallingThen()
    {
        var inner = Promise.Resolve(4);

        int value = PromiseLoop.Run(() => Promise.Resolve(0).Then(x => (IThenable<int>)inner));

        Assert.Equal(4, value);
    }

    [Fact]
    public void Then_HandlerReturnsNullThenable_FulfillsWithDefault()
    {
        var result = Promise.Resolve(0).Then(x => (IThenable<string?>?)null);

        Assert.Equal(typeof(Promise<string?>), StaticType.Of(result));
        Assert.Null(PromiseLoop.Run(() => result));
    }
}
