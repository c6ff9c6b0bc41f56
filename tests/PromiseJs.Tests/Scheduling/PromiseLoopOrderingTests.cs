namespace PromiseJs.Tests.Scheduling;

/// <summary>
/// Classic JavaScript event-loop ordering puzzles, each ported from a JavaScript program whose exact
/// output under node 20 is the expected log. The JavaScript source sits beside each test as a raw
/// string: save it to a file and run <c>node file.js</c> to check the expected lines.
/// </summary>
/// <remarks>
/// Mapping: a script's top level is the body of the main function given to <see cref="PromiseLoop.Run(Func{Promise})"/>;
/// <c>console.log</c> appends to a list; <c>setTimeout</c> is <see cref="PromiseLoop.SetTimeout"/> (or
/// <see cref="Promise.Delay(int)"/> followed by <c>Then</c> where the JavaScript waits on a promise of a
/// timer); <c>queueMicrotask</c> is <see cref="PromiseLoop.QueueMicrotask"/>; <c>setImmediate</c> is
/// <see cref="PromiseLoop.SetImmediate"/>. A JavaScript <c>async</c> function that awaits is a C#
/// async method returning <see cref="Task"/> that awaits promises (inside the loop an <c>await</c> of a
/// promise resumes as one microtask, as V8's <c>await</c> of a native promise does); one that never
/// awaits is a method returning an already-settled promise, which is what such a JavaScript function
/// returns. No puzzle observes when a C# async method's own <see cref="Task"/> completes: it completes
/// synchronously at its <c>return</c> and tells its continuations through the task's machinery, not as
/// one promise reaction job the way a JavaScript async function's promise does, so the tick count of
/// anything chained on it cannot match node; such puzzles are left out rather than bent.
/// </remarks>
public sealed class PromiseLoopOrderingTests
{
    private readonly List<string> _log = [];

    private void Log(string line) => _log.Add(line);

    private void Log(object? value) => _log.Add(value?.ToString() ?? "null");

    private void AssertLogMatchesNode(string javaScript, params string[] nodeOutput)
    {
        if (!_log.SequenceEqual(nodeOutput))
        {
            Assert.Fail(
                $"The log differs from node's output.\n--- JavaScript ---\n{javaScript}\n" +
                $"--- node ---\n{string.Join("\n", nodeOutput)}\n--- PromiseJs ---\n{string.Join("\n", _log)}");
        }
    }

    private const string ScriptStartEndJs = """
        console.log('script start');
        setTimeout(() => console.log('setTimeout'), 0);
        Promise.resolve()
          .then(() => console.log('promise1'))
          .then(() => console.log('promise2'));
        console.log('script end');
        """;

    [Fact]
    public void Run_ScriptWithTimeoutAndThenChain_LogsLikeNode()
    {
        PromiseLoop.Run(() =>
        {
            Log("script start");
            PromiseLoop.SetTimeout(() => Log("setTimeout"), 0);
            Promise.Resolve()
                .Then(() => Log("promise1"))
                .Then(() => Log("promise2"));
            Log("script end");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(ScriptStartEndJs, "script start", "script end", "promise1", "promise2", "setTimeout");
    }

    // A handler that returns a promise settles its Then's promise two ticks late: one job to call the
    // returned promise's then, and one for that then's reaction.
    private const string ThenReturningPromiseJs = """
        Promise.resolve()
          .then(() => { console.log(0); return Promise.resolve(4); })
          .then(res => console.log(res));
        Promise.resolve()
          .then(() => console.log(1))
          .then(() => console.log(2))
          .then(() => console.log(3))
          .then(() => console.log(5))
          .then(() => console.log(6));
        """;

    [Fact]
    public void Run_HandlerReturnsPromise_TakesTwoExtraTicks()
    {
        PromiseLoop.Run(() =>
        {
            Promise.Resolve()
                .Then(() =>
                {
                    Log(0);
                    return Promise.Resolve(4);
                })
                .Then(res => Log(res));
            Promise.Resolve()
                .Then(() => Log(1))
                .Then(() => Log(2))
                .Then(() => Log(3))
                .Then(() => Log(5))
                .Then(() => Log(6));
            return Promise.Resolve();
        });

        AssertLogMatchesNode(ThenReturningPromiseJs, "0", "1", "2", "3", "4", "5", "6");
    }

    private const string NestedThensJs = """
        Promise.resolve()
          .then(() => {
            console.log('a1');
            Promise.resolve()
              .then(() => console.log('a1.1'))
              .then(() => console.log('a1.2'))
              .then(() => console.log('a1.3'));
          })
          .then(() => console.log('a2'))
          .then(() => console.log('a3'));
        Promise.resolve()
          .then(() => console.log('b1'))
          .then(() => console.log('b2'))
          .then(() => console.log('b3'));
        """;

    [Fact]
    public void Run_ChainStartedInsideHandler_InterleavesWithOtherChains()
    {
        PromiseLoop.Run(() =>
        {
            Promise.Resolve()
                .Then(() =>
                {
                    Log("a1");
                    Promise.Resolve()
                        .Then(() => Log("a1.1"))
                        .Then(() => Log("a1.2"))
                        .Then(() => Log("a1.3"));
                })
                .Then(() => Log("a2"))
                .Then(() => Log("a3"));
            Promise.Resolve()
                .Then(() => Log("b1"))
                .Then(() => Log("b2"))
                .Then(() => Log("b3"));
            return Promise.Resolve();
        });

        AssertLogMatchesNode(NestedThensJs, "a1", "b1", "a1.1", "a2", "b2", "a1.2", "a3", "b3", "a1.3");
    }

    // Promise.resolve of a foreign thenable calls its then in a job of its own (one extra tick);
    // Promise.resolve of a native promise returns that very promise (no extra tick).
    private const string ResolveThenableJs = """
        const thenable = {
          then(onFulfilled, onRejected) {
            console.log('thenable.then called');
            onFulfilled('T');
          },
        };
        const native = Promise.resolve('N');
        console.log(Promise.resolve(native) === native);
        Promise.resolve(thenable).then(v => console.log('thenable ' + v));
        Promise.resolve(native).then(v => console.log('native ' + v));
        Promise.resolve()
          .then(() => console.log('p1'))
          .then(() => console.log('p2'))
          .then(() => console.log('p3'));
        console.log('sync');
        """;

    [Fact]
    public void Run_ResolveOfThenable_CallsThenInAJobOneTickLate()
    {
        PromiseLoop.Run(() =>
        {
            IThenable<string> thenable = new LoggingThenable(_log, "T");
            var native = Promise.Resolve("N");
            Log(ReferenceEquals(Promise.Resolve(native), native) ? "true" : "false");
            Promise.Resolve(thenable).Then(v => Log("thenable " + v));
            Promise.Resolve(native).Then(v => Log("native " + v));
            Promise.Resolve()
                .Then(() => Log("p1"))
                .Then(() => Log("p2"))
                .Then(() => Log("p3"));
            Log("sync");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(ResolveThenableJs, "true", "sync", "thenable.then called", "native N", "p1", "thenable T", "p2", "p3");
    }

    private const string QueueMicrotaskJs = """
        queueMicrotask(() => console.log('m1'));
        Promise.resolve()
          .then(() => console.log('t1'))
          .then(() => console.log('t2'));
        queueMicrotask(() => {
          console.log('m2');
          queueMicrotask(() => console.log('m3'));
          Promise.resolve().then(() => console.log('m2.then'));
        });
        console.log('sync');
        """;

    [Fact]
    public void QueueMicrotask_MixedWithThens_SharesOneFifoQueue()
    {
        PromiseLoop.Run(() =>
        {
            PromiseLoop.QueueMicrotask(() => Log("m1"));
            Promise.Resolve()
                .Then(() => Log("t1"))
                .Then(() => Log("t2"));
            PromiseLoop.QueueMicrotask(() =>
            {
                Log("m2");
                PromiseLoop.QueueMicrotask(() => Log("m3"));
                Promise.Resolve().Then(() => Log("m2.then"));
            });
            Log("sync");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(QueueMicrotaskJs, "sync", "m1", "t1", "m2", "t2", "m3", "m2.then");
    }

    private const string TimersJs = """
        setTimeout(() => {
          console.log('t1');
          Promise.resolve().then(() => console.log('t1 then'));
          queueMicrotask(() => console.log('t1 microtask'));
        }, 5);
        setTimeout(() => {
          console.log('t2');
          Promise.resolve()
            .then(() => console.log('t2 then'))
            .then(() => console.log('t2 then2'));
        }, 5);
        setTimeout(() => console.log('t3'), 5);
        Promise.resolve().then(() => console.log('script then'));
        console.log('sync');
        """;

    [Fact]
    public void SetTimeout_EqualDelays_FireInCreationOrderAndMicrotasksDrainBetween()
    {
        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(
                () =>
                {
                    Log("t1");
                    Promise.Resolve().Then(() => Log("t1 then"));
                    PromiseLoop.QueueMicrotask(() => Log("t1 microtask"));
                },
                5);
            PromiseLoop.SetTimeout(
                () =>
                {
                    Log("t2");
                    Promise.Resolve()
                        .Then(() => Log("t2 then"))
                        .Then(() => Log("t2 then2"));
                },
                5);
            PromiseLoop.SetTimeout(() => Log("t3"), 5);
            Promise.Resolve().Then(() => Log("script then"));
            Log("sync");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(TimersJs, "sync", "script then", "t1", "t1 then", "t1 microtask", "t2", "t2 then", "t2 then2", "t3");
    }

    // delay(ms) is the JavaScript counterpart of Promise.Delay(ms): a promise resolved by a timer.
    private const string DelayJs = """
        const delay = ms => new Promise(resolve => setTimeout(resolve, ms));
        delay(1).then(() => {
          console.log('d1');
          Promise.resolve().then(() => console.log('d1 then'));
        });
        setTimeout(() => console.log('timeout'), 1);
        delay(1).then(() => console.log('d2'));
        console.log('sync');
        """;

    [Fact]
    public void Delay_EqualDelaysWithSetTimeout_FireInCreationOrderWithHandlersBetween()
    {
        PromiseLoop.Run(() =>
        {
            Promise.Delay(1).Then(() =>
            {
                Log("d1");
                Promise.Resolve().Then(() => Log("d1 then"));
            });
            PromiseLoop.SetTimeout(() => Log("timeout"), 1);
            Promise.Delay(1).Then(() => Log("d2"));
            Log("sync");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(DelayJs, "sync", "d1", "d1 then", "timeout", "d2");
    }

    private const string ImmediatesJs = """
        setImmediate(() => {
          console.log('i1');
          Promise.resolve().then(() => console.log('i1 then'));
          setImmediate(() => console.log('i3 (queued by i1)'));
        });
        setImmediate(() => console.log('i2'));
        Promise.resolve().then(() => console.log('then'));
        queueMicrotask(() => console.log('microtask'));
        console.log('sync');
        """;

    [Fact]
    public void SetImmediate_AfterMicrotasks_DrainsMicrotasksBetweenImmediates()
    {
        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetImmediate(() =>
            {
                Log("i1");
                Promise.Resolve().Then(() => Log("i1 then"));
                PromiseLoop.SetImmediate(() => Log("i3 (queued by i1)"));
            });
            PromiseLoop.SetImmediate(() => Log("i2"));
            Promise.Resolve().Then(() => Log("then"));
            PromiseLoop.QueueMicrotask(() => Log("microtask"));
            Log("sync");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(ImmediatesJs, "sync", "then", "microtask", "i1", "i1 then", "i2", "i3 (queued by i1)");
    }

    // Deterministic in node only because both are scheduled from inside a timer callback: the check
    // phase (immediates) comes before the next timers phase. From a script's top level node's order of
    // setTimeout(0) and setImmediate is not deterministic, so that variant is not tested.
    private const string ImmediateInsideTimerJs = """
        setTimeout(() => {
          console.log('timeout');
          setTimeout(() => console.log('timeout 0'), 0);
          setImmediate(() => console.log('immediate'));
          Promise.resolve().then(() => console.log('then'));
        }, 0);
        """;

    [Fact]
    public void SetImmediate_ScheduledInsideTimerWithZeroTimeout_RunsBeforeTheTimeout()
    {
        PromiseLoop.Run(() =>
        {
            PromiseLoop.SetTimeout(
                () =>
                {
                    Log("timeout");
                    PromiseLoop.SetTimeout(() => Log("timeout 0"), 0);
                    PromiseLoop.SetImmediate(() => Log("immediate"));
                    Promise.Resolve().Then(() => Log("then"));
                },
                0);
            return Promise.Resolve();
        });

        AssertLogMatchesNode(ImmediateInsideTimerJs, "timeout", "then", "immediate", "timeout 0");
    }

    private const string AsyncAwaitJs = """
        async function f() {
          console.log('f start');
          await Promise.resolve();
          console.log('f after await 1');
          await Promise.resolve('x');
          console.log('f after await 2');
        }
        f();
        Promise.resolve()
          .then(() => console.log('p1'))
          .then(() => console.log('p2'))
          .then(() => console.log('p3'));
        console.log('sync');
        """;

    [Fact]
    public void Await_FulfilledPromiseInsideLoop_ResumesAsOneMicrotask()
    {
        async Task F()
        {
            Log("f start");
            await Promise.Resolve();
            Log("f after await 1");
            await Promise.Resolve("x");
            Log("f after await 2");
        }

        Task? f = null;
        PromiseLoop.Run(() =>
        {
            f = F();
            Promise.Resolve()
                .Then(() => Log("p1"))
                .Then(() => Log("p2"))
                .Then(() => Log("p3"));
            Log("sync");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(AsyncAwaitJs, "f start", "sync", "f after await 1", "p1", "f after await 2", "p2", "p3");
        Assert.True(f!.IsCompletedSuccessfully, f.Exception?.ToString());
    }

    // async2 never awaits, so it is ported as what it returns: an already-fulfilled promise, made
    // after its body ran. async1 awaits it: one tick, as in V8.
    private const string Async1Async2Js = """
        async function async1() {
          console.log('async1 start');
          await async2();
          console.log('async1 end');
        }
        async function async2() {
          console.log('async2');
        }
        console.log('script start');
        setTimeout(() => console.log('setTimeout'), 0);
        async1();
        new Promise(resolve => {
          console.log('promise1');
          resolve();
        }).then(() => console.log('promise2'));
        console.log('script end');
        """;

    [Fact]
    public void Await_AsyncFunctionResult_ResumesBeforeLaterThenAndBeforeTimeout()
    {
        Promise Async2()
        {
            Log("async2");
            return Promise.Resolve();
        }

        async Task Async1()
        {
            Log("async1 start");
            await Async2();
            Log("async1 end");
        }

        Task? async1 = null;
        PromiseLoop.Run(() =>
        {
            Log("script start");
            PromiseLoop.SetTimeout(() => Log("setTimeout"), 0);
            async1 = Async1();
            new Promise((resolve, reject) =>
            {
                Log("promise1");
                resolve();
            }).Then(() => Log("promise2"));
            Log("script end");
            return Promise.Resolve();
        });

        AssertLogMatchesNode(
            Async1Async2Js,
            "script start", "async1 start", "async2", "promise1", "script end", "async1 end", "promise2", "setTimeout");
        Assert.True(async1!.IsCompletedSuccessfully, async1.Exception?.ToString());
    }

    private const string AllJs = """
        Promise.all([Promise.resolve('a'), Promise.resolve('b')])
          .then(values => console.log('all ' + values.join(',')));
        Promise.all([])
          .then(values => console.log('all empty ' + values.length));
        Promise.resolve()
          .then(() => console.log('t1'))
          .then(() => console.log('t2'))
          .then(() => console.log('t3'));
        """;

    [Fact]
    public void All_FulfilledInputs_SettlesOneTickAfterTheirHandlersAndEmptyInputAtOnce()
    {
        PromiseLoop.Run(() =>
        {
            Promise.All(Promise.Resolve("a"), Promise.Resolve("b"))
                .Then(values => Log("all " + string.Join(",", values)));
            Promise.All(Array.Empty<Promise<string>>())
                .Then(values => Log("all empty " + values.Length));
            Promise.Resolve()
                .Then(() => Log("t1"))
                .Then(() => Log("t2"))
                .Then(() => Log("t3"));
            return Promise.Resolve();
        });

        AssertLogMatchesNode(AllJs, "all empty 0", "t1", "all a,b", "t2", "t3");
    }

    private const string RaceJs = """
        const err = new Error('boom');
        Promise.race([Promise.reject(err), Promise.resolve('v')])
          .then(v => console.log('race fulfilled ' + v), e => console.log('race rejected ' + e.message));
        Promise.race([Promise.resolve('first'), Promise.resolve('second')])
          .then(v => console.log('race ' + v));
        Promise.resolve()
          .then(() => console.log('t1'))
          .then(() => console.log('t2'))
          .then(() => console.log('t3'));
        """;

    [Fact]
    public void Race_SettledInputs_FirstInInputOrderWinsOneTickAfterTheirHandlers()
    {
        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(() =>
            {
                var err = new InvalidOperationException("boom");
                Promise.Race(Promise.Reject<string>(err), Promise.Resolve("v"))
                    .Then(v => Log("race fulfilled " + v), e => Log("race rejected " + e.Message));
                Promise.Race(Promise.Resolve("first"), Promise.Resolve("second"))
                    .Then(v => Log("race " + v));
                Promise.Resolve()
                    .Then(() => Log("t1"))
                    .Then(() => Log("t2"))
                    .Then(() => Log("t3"));
                return Promise.Resolve();
            });
        }

        AssertLogMatchesNode(RaceJs, "t1", "race rejected boom", "race first", "t2", "t3");
    }

    // finally's callback runs on the first tick; the value is passed on through a promise that the
    // internal handler returns (promiseResolve(onFinally()).then(() => value)), so, like any handler
    // returning a promise, it reaches the next then two ticks later than a plain then would.
    private const string FinallyJs = """
        Promise.resolve('v')
          .finally(() => console.log('finally'))
          .then(v => console.log('after finally ' + v));
        Promise.resolve()
          .then(() => console.log('t1'))
          .then(() => console.log('t2'))
          .then(() => console.log('t3'))
          .then(() => console.log('t4'))
          .then(() => console.log('t5'));
        """;

    [Fact]
    public void Finally_OnFulfilled_PassesTheValueOnTwoTicksLaterThanAThen()
    {
        PromiseLoop.Run(() =>
        {
            Promise.Resolve("v")
                .Finally(() => Log("finally"))
                .Then(v => Log("after finally " + v));
            Promise.Resolve()
                .Then(() => Log("t1"))
                .Then(() => Log("t2"))
                .Then(() => Log("t3"))
                .Then(() => Log("t4"))
                .Then(() => Log("t5"));
            return Promise.Resolve();
        });

        AssertLogMatchesNode(FinallyJs, "finally", "t1", "t2", "t3", "after finally v", "t4", "t5");
    }

    private const string RejectionCatchJs = """
        Promise.reject(new Error('boom'))
          .then(() => console.log('skipped 1'))
          .then(() => console.log('skipped 2'))
          .catch(e => console.log('caught ' + e.message))
          .then(() => console.log('after catch'));
        Promise.resolve()
          .then(() => console.log('t1'))
          .then(() => console.log('t2'))
          .then(() => console.log('t3'))
          .then(() => console.log('t4'))
          .then(() => console.log('t5'));
        """;

    [Fact]
    public void Catch_AfterThensOnARejection_EachSkippedThenStillTakesATick()
    {
        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(() =>
            {
                Promise.Reject(new InvalidOperationException("boom"))
                    .Then(() => Log("skipped 1"))
                    .Then(() => Log("skipped 2"))
                    .Catch(e => Log("caught " + e.Message))
                    .Then(() => Log("after catch"));
                Promise.Resolve()
                    .Then(() => Log("t1"))
                    .Then(() => Log("t2"))
                    .Then(() => Log("t3"))
                    .Then(() => Log("t4"))
                    .Then(() => Log("t5"));
                return Promise.Resolve();
            });
        }

        AssertLogMatchesNode(RejectionCatchJs, "t1", "t2", "caught boom", "t3", "after catch", "t4", "t5");
    }

    /// <summary>A foreign thenable that logs when its then is called and fulfills at once.</summary>
    private sealed class LoggingThenable(List<string> log, string value) : IThenable<string>
    {
        public void Then(Action<string> onFulfilled, Action<Exception> onRejected)
        {
            log.Add("thenable.then called");
            onFulfilled(value);
        }
    }
}
