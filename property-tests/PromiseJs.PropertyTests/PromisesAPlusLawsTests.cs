using PromiseJs.PropertyTests.Interpreter;
using System.Collections.Immutable;
using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Support;
using static PromiseJs.PropertyTests.Generators.PromiseGenerators;
using static PromiseJs.PropertyTests.Support.Equivalence;
using static PromiseJs.PropertyTests.Support.LawCheck;

namespace PromiseJs.PropertyTests;

/// <summary>The Promises/A+ guarantees (and ECMAScript's Catch and Finally on top of them), over generated programs.</summary>
public sealed class PromisesAPlusLawsTests
{
    [PromiseProperty]
    public Property Program_AnyChain_SettlesAsItsModel()
    {
        return ForAll(ProgramArb, program =>
        {
            Promise<int> promise = InLoop(program.Build);
            AssertEquivalent(program.Model().ToObservation(), Observation.Of(promise));
        });
    }

    [PromiseProperty]
    public Property Settle_CalledManyTimes_SettlesOnceWithTheFirstCall()
    {
        // A+ 2.1.2, 2.1.3 and 2.3.3.3.3: once settled, a promise never changes; later calls (and an executor that throws
        // after settling) are ignored, and each handler runs exactly once.
        return ForAll(SettleScripts, s => s.Shrink(), script => SettleChecks.SettlesOnceWithTheFirstCall(PromiseOperations.Real, script));
    }

    [PromiseProperty]
    public Property Then_ManyHandlers_RunInAttachmentOrderAndNeverInsideTheCall()
    {
        // A+ 2.2.6: the handlers of one promise run in the order of their Then calls, whether attached before or after
        // it settled; 2.2.4: never inside the call that attaches them.
        var cases =
            from program in Programs
            from handlers in Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<HandlerKind>()))
            from split in Gen.Choose(0, handlers.Count)
            from later in Steps
            select (Program: program, Handlers: handlers.Take(8).ToImmutableArray(), Split: Math.Min(split, Math.Min(handlers.Count, 8)), Later: later);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Program).Select(p => c with { Program = p }),
            .. Enumerable.Repeat(c with { Handlers = c.Handlers.RemoveAt(c.Handlers.Length - 1), Split = Math.Min(c.Split, c.Handlers.Length - 1) }, c.Handlers.Length > 1 ? 1 : 0),
            .. Shrinks.Of(c.Later).Select(later => c with { Later = later })], c =>
        {
            var log = new List<int>();
            var ranInsideAttach = new List<int>();
            InLoop(() =>
            {
                Promise<int> promise = c.Program.Build();
                Attach(promise, 0, c.Split);
                c.Later.Run(() => Attach(promise, c.Split, c.Handlers.Length));
                return promise;
            });

            bool fulfilled = c.Program.Model() is PromiseOutcome.Fulfilled;
            int[] expected = [.. Enumerable.Range(0, c.Handlers.Length).Where(i => c.Handlers[i] switch
            {
                HandlerKind.ThenOnFulfilled => fulfilled,
                HandlerKind.Catch => !fulfilled,
                _ => true,
            })];
            Assert.Empty(ranInsideAttach);
            Assert.Equal(expected, log);

            void Attach(Promise<int> promise, int from, int to)
            {
                int before = log.Count;
                for (int i = from; i < to; i++)
                {
                    int index = i;
                    _ = c.Handlers[i] switch
                    {
                        HandlerKind.ThenOnFulfilled => promise.Then(_ => log.Add(index)),
                        HandlerKind.ThenBoth => promise.Then(_ => log.Add(index), _ => log.Add(index)),
                        HandlerKind.Catch => promise.Catch(_ => log.Add(index)),
                        _ => promise.Finally(() => log.Add(index)),
                    };
                }

                ranInsideAttach.AddRange(log.Skip(before));
            }
        });
    }

    [PromiseProperty]
    public Property Then_WithoutOnRejected_PassesTheRejectionThroughUntouched()
    {
        // A+ 2.2.7.4: a rejection skips every onFulfilled handler and arrives with the very same reason.
        var cases =
            from source in RejectedSettlements
            from count in Gen.Choose(1, 4)
            from steps in Gen.ArrayOf(FulfillmentOnlyOperations, count)
            select new PromiseProgram(source, [.. steps]);

        return ForAll(Arb.From(cases, program => program.Shrink()), program =>
        {
            int handlerRuns = 0;
            var (source, result) = InLoop(() =>
            {
                Promise<int> source = program.Source.Build();
                Promise<int> promise = source;
                foreach (Operation operation in program.Operations)
                {
                    promise = operation switch
                    {
                        Operation.Map map => promise.Then(x =>
                        {
                            handlerRuns++;
                            return map.F.Apply(x);
                        }),
                        Operation.Bind bind => promise.Then(x =>
                        {
                            handlerRuns++;
                            return bind.F.Invoke(x);
                        }),
                        _ => throw new InvalidOperationException($"Not a fulfillment-only operation: {operation}"),
                    };
                }

                return (source, promise);
            });

            Assert.Equal(PromiseState.Rejected, result.State);
            Assert.Same(source.Reason, result.Reason);
            Assert.Equal(0, handlerRuns);
        });
    }

    [PromiseProperty]
    public Property Catch_AfterFulfillment_PassesTheValueAndSkipsTheHandler()
    {
        var cases =
            from source in FulfilledSettlements
            from recover in IntFunctions
            from recoverWith in PromiseFunctions
            from shape in Gen.Choose(0, 2)
            select (Source: source, Recover: recover, RecoverWith: recoverWith, Shape: shape);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Source).Select(source => c with { Source = source }),
            .. Shrinks.Of(c.Recover).Select(recover => c with { Recover = recover }),
            .. Shrinks.Of(c.RecoverWith).Select(recoverWith => c with { RecoverWith = recoverWith })], c =>
        {
            int handlerRuns = 0;
            var (p, caught) = InLoop(() =>
            {
                Promise<int> p = c.Source.Build();
                Promise<int> caught = c.Shape switch
                {
                    0 => p.Catch(e =>
                    {
                        handlerRuns++;
                        return c.Recover.Apply(0);
                    }),
                    1 => p.Catch(e =>
                    {
                        handlerRuns++;
                        return c.RecoverWith.Invoke(0);
                    }),
                    _ => p.Catch<LawException>(e =>
                    {
                        handlerRuns++;
                        return c.Recover.Apply(e.Code);
                    }),
                };
                return (p, caught);
            });

            AssertEquivalent(p, caught);
            Assert.Equal(0, handlerRuns);
        });
    }

    [PromiseProperty]
    public Property CatchOfAnotherExceptionType_AnyProgram_PassesTheOutcomeThrough()
    {
        return ForAll(ProgramArb, program =>
        {
            int handlerRuns = 0;
            var (p, caught) = InLoop(() =>
            {
                Promise<int> p = program.Build();
                return (p, p.Catch<InvalidOperationException>(e =>
                {
                    handlerRuns++;
                    return 0;
                }));
            });

            AssertEquivalent(p, caught);
            if (p.State == PromiseState.Rejected)
            {
                Assert.Same(p.Reason, caught.Reason);
            }

            Assert.Equal(0, handlerRuns);
        });
    }

    [PromiseProperty]
    public Property Finally_AnyCallback_PreservesTheOutcomeUnlessTheCallbackFails()
    {
        var cases =
            from program in Programs
            from callback in FinallyCallbacks
            select (Program: program, Callback: callback);

        return ForAll(cases, c => [
            .. Shrinks.Of(c.Program).Select(p => c with { Program = p }),
            .. (c.Callback is FinallyCallback.Returns ? [] : new[] { c with { Callback = new FinallyCallback.Returns() } })], c =>
        {
            int callbackRuns = 0;
            var (p, result) = InLoop(() =>
            {
                Promise<int> p = c.Program.Build();
                return (p, c.Callback.AttachTo(p, () => callbackRuns++));
            });

            if (c.Callback is FinallyCallback.Returns || c.Callback is FinallyCallback.ReturnsPromise { Result.Outcome: PromiseOutcome.Fulfilled })
            {
                // The same outcome, and for a rejection the very same reason.
                AssertEquivalent(p, result);
                if (p.State == PromiseState.Rejected)
                {
                    Assert.Same(p.Reason, result.Reason);
                }
            }
            else
            {
                AssertEquivalent(c.Callback.Model(c.Program.Model()).ToObservation(), Observation.Of(result));
            }

            Assert.Equal(1, callbackRuns);
        });
    }
}
