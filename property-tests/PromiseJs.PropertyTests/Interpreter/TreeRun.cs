using Microsoft.Extensions.Time.Testing;
using PromiseJs.Context;
using PromiseJs.PropertyTests.Generators;
using PromiseJs.PropertyTests.Model;
using PromiseJs.Scheduling;
using PromiseJs.TestSupport;

namespace PromiseJs.PropertyTests.Interpreter;

/// <summary>Runs a <see cref="TreeProgram"/> with real promises (through <see cref="PromiseOperations"/>) and records what
/// the model predicts: every handler call, in order, and every node's outcome.</summary>
public sealed class TreeRun
{
    private readonly TreeProgram _program;
    private readonly PromiseOperations _operations;
    private readonly FakeTimeProvider? _clock;
    private readonly List<string> _log = [];
    private long _nowMs;
    private long _lastDueMs;

    private TreeRun(TreeProgram program, PromiseOperations operations, FakeTimeProvider? clock)
    {
        _program = program;
        _operations = operations;
        _clock = clock;
        Nodes = new Promise<int>[program.Nodes.Length];
    }

    /// <summary>Gets the handler calls in the order they happened (the model's notation, <see cref="ReferenceModel.Log"/>).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Gets the handler calls made while the program was being built: A+ 2.2.4 says there are none.</summary>
    public IReadOnlyList<string> CalledDuringBuild { get; private set; } = [];

    /// <summary>Gets each node's promise.</summary>
    public Promise<int>[] Nodes { get; }

    /// <summary>Gets each node's outcome after the run (<see langword="null"/>: still pending).</summary>
    public IReadOnlyList<ModelOutcome?> Outcomes => [.. Nodes.Select(ModelOutcome.Of)];

    /// <summary>Runs <paramref name="program"/> inside <see cref="PromiseLoop.Run(Func{Promise})"/>, timers on a virtual clock
    /// that moves one millisecond per loop task once the jobs are drained, until the last timer has fired.</summary>
    public static TreeRun OnLoop(TreeProgram program, PromiseOperations? operations = null)
    {
        var run = new TreeRun(program, operations ?? PromiseOperations.Real, new FakeTimeProvider());
        using (Promise.SuppressUnhandledRejections())
        {
            PromiseLoop.Run(() =>
            {
                run.Build();
                return run.DriveClock();
            });
        }

        return run;
    }

    /// <summary>Runs <paramref name="program"/> (which must not use timers) in a context whose scheduler is the thread pool,
    /// and waits for every node.</summary>
    public static TreeRun OnThreadPool(TreeProgram program, PromiseOperations? operations = null)
    {
        var run = new TreeRun(program, operations ?? PromiseOperations.Real, null);
        using (Promise.SuppressUnhandledRejections())
        {
            var context = new PromiseContext(new() { Scheduler = PromiseScheduler.ThreadPool, Name = "property", Orphan = true });
            using (context.Enter())
            {
                run.Build();
            }

            foreach (Promise<int> node in run.Nodes)
            {
                try
                {
                    node.Wait(TimeSpan.FromSeconds(10));
                }
                catch (Exception e) when (e is not TimeoutException)
                {
                    // Rejected nodes are compared with the model afterwards.
                }
            }

            context.Complete();
        }

        return run;
    }

    private void Build()
    {
        for (int i = 0; i < Nodes.Length; i++)
        {
            Nodes[i] = BuildNode(i, _program.Nodes[i]);
        }

        _operations.EndOfSynchronousSection();
        CalledDuringBuild = Log;
    }

    private Promise DriveClock()
    {
        PromiseWithResolvers done = Promise.WithResolvers();
        void Step()
        {
            // A loop task: every job queued so far has run, so every timer the program will create so far exists.
            if (_nowMs >= _lastDueMs)
            {
                done.Resolve();
                return;
            }

            _nowMs++;
            _clock!.Advance(TimeSpan.FromMilliseconds(1));
            PromiseLoop.SetImmediate(Step);
        }

        PromiseLoop.SetImmediate(Step);
        return done.Promise;
    }

    private void Record(string entry)
    {
        lock (_log)
        {
            _log.Add(entry);
        }
    }

    // ----- moments -----

    private void At(Moment when, Action action)
    {
        switch (when.Kind)
        {
            case MomentKind.Ticks:
                AfterJobs(when.Amount, action);
                break;
            case MomentKind.Timer:
                _lastDueMs = Math.Max(_lastDueMs, _nowMs + when.Amount);
                Promise.Delay(TimeSpan.FromMilliseconds(when.Amount), _clock!).Then(action);
                break;
            default:
                action();
                break;
        }
    }

    private static void AfterJobs(int jobs, Action action) =>
        Promise.Resolve(0).Then(_ =>
        {
            if (jobs > 1)
            {
                AfterJobs(jobs - 1, action);
            }
            else
            {
                action();
            }
        });

    private static LawException Law(int code) => new(code);

    private static int CodeOf(Exception reason) => TreeReason.Of(reason).Code;

    private Promise<int> Source(TreeValue result, Moment when)
    {
        switch (when.Kind)
        {
            case MomentKind.Now:
                return result is TreeValue.Fulfilled f ? _operations.Resolved(f.Value) : _operations.Rejected(Law(((TreeValue.Rejected)result).Code));
            case MomentKind.Executor:
                return _operations.Create((resolve, reject) => Settle(result, resolve, reject));
            default:
                ISettleHandle handle = _operations.WithResolvers();
                At(when, () => Settle(result, handle.Resolve, handle.Reject));
                return handle.Promise;
        }
    }

    private static void Settle(TreeValue result, Action<int> resolve, Action<Exception> reject)
    {
        if (result is TreeValue.Fulfilled f)
        {
            resolve(f.Value);
        }
        else
        {
            reject(Law(((TreeValue.Rejected)result).Code));
        }
    }

    // ----- nodes -----

    private Promise<int> BuildNode(int index, TreeNode node) => node switch
    {
        TreeNode.Source source => Source(source.Result, source.When),
        TreeNode.Then then => Then(index, Nodes[then.Parent], then.OnFulfilled, then.OnRejected),
        TreeNode.Catch @catch => Then(index, Nodes[@catch.Parent], null, @catch.OnRejected),
        TreeNode.Finally @finally => Finally(index, Nodes[@finally.Parent], @finally.Body),
        TreeNode.Await await => AwaitNode(index, Nodes[await.Parent], await.F),
        TreeNode.Run run => Promise.Run(() => _operations.ThenValue(
            Nodes[run.Parent],
            x =>
            {
                Record($"n{index}:f({x})");
                return run.F.Apply(x);
            },
            null)),
        TreeNode.Combine combine => Combine(index, combine),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private Promise<int> Then(int index, Promise<int> parent, TreeHandler? onFulfilled, TreeHandler? onRejected)
    {
        Promise<int>? self = null;
        string F(int x) => $"n{index}:f({x})";
        string R(Exception e) => $"n{index}:r({CodeOf(e)})";
        HandlerShape shape = (onFulfilled ?? onRejected)!.Shape;
        switch (shape)
        {
            case HandlerShape.Value:
                self = _operations.ThenValue(
                    parent,
                    onFulfilled is null ? null : x => { Record(F(x)); return ((TreeHandler.Value)onFulfilled).F.Apply(x); },
                    onRejected is null ? null : e => { Record(R(e)); return ((TreeHandler.Value)onRejected).F.Apply(CodeOf(e)); });
                break;
            case HandlerShape.Promise:
                self = _operations.ThenPromise(
                    parent,
                    onFulfilled is null ? null : x => { Record(F(x)); return ReturnedPromise(onFulfilled, self!); },
                    onRejected is null ? null : e => { Record(R(e)); return ReturnedPromise(onRejected, self!); });
                break;
            case HandlerShape.Thenable:
                self = _operations.ThenThenable(
                    parent,
                    x => { Record(F(x)); return Thenable(index, onFulfilled!); },
                    onRejected is null ? null : e => { Record(R(e)); return Thenable(index, onRejected); });
                break;
            default:
                self = _operations.ThenTask(
                    parent,
                    onFulfilled is null ? null : x => { Record(F(x)); return ReturnedTask(onFulfilled); },
                    onRejected is null ? null : e => { Record(R(e)); return ReturnedTask(onRejected); });
                break;
        }

        return self;
    }

    private Promise<int> ReturnedPromise(TreeHandler handler, Promise<int> self) => handler switch
    {
        TreeHandler.ReturnNode node => Nodes[node.Node],
        TreeHandler.ReturnFresh fresh => Source(fresh.Result, fresh.When),
        _ => self,
    };

    // CA1859 (return the concrete type): typed as IThenable<int>, the handler binds to the thenable overload of Then.
#pragma warning disable CA1859
    // The foreign thenable a handler returns: it logs that its Then was called, calls back with its result at its moment
    // and, when it misbehaves, then calls both callbacks again (and throws, when it called back inside Then), all of which
    // the adopting promise must ignore (A+ 2.3.3.3.3, 2.3.3.3.4.1).
    private IThenable<int> Thenable(int index, TreeHandler handler)
    {
        var script = (TreeHandler.ReturnThenable)handler;
        return new ScriptedThenable<int>((onFulfilled, onRejected) =>
        {
            At(script.When, () =>
            {
                Settle(script.Result, onFulfilled, onRejected);
                if (script.Misbehaves)
                {
                    onRejected(Law(998));
                    onFulfilled(998);
                }
            });

            if (script.Misbehaves && script.When.IsImmediate)
            {
                throw Law(999);
            }
        })
        {
            OnThen = () => Record($"n{index}:thenable"),
        };
    }
#pragma warning restore CA1859

    private Task<int> ReturnedTask(TreeHandler handler)
    {
        var task = (TreeHandler.ReturnTask)handler;
        if (task.When.IsImmediate)
        {
            return task.Result is TreeValue.Fulfilled f ? Task.FromResult(f.Value) : Task.FromException<int>(Law(((TreeValue.Rejected)task.Result).Code));
        }

        // Completed later, on the thread that runs the moment: the adopting promise settles right then.
        var completion = new TaskCompletionSource<int>();
        At(task.When, () => Settle(task.Result, completion.SetResult, completion.SetException));
        return completion.Task;
    }

    private Promise<int> Finally(int index, Promise<int> parent, FinallyBody body) => body switch
    {
        FinallyBody.Returns => _operations.Finally(parent, () => Record($"n{index}:fin")),
        FinallyBody.Throws throws => _operations.Finally(parent, (Action)(() =>
        {
            Record($"n{index}:fin");
            throw Law(throws.Code);
        })),
        FinallyBody.ReturnsPromise promise => _operations.Finally(parent, () =>
        {
            Record($"n{index}:fin");
            return (Promise)Source(promise.Result, promise.When);
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(body)),
    };

    private async Promise<int> AwaitNode(int index, Promise<int> parent, IntFunction f)
    {
        int x = await parent;
        Record($"n{index}:aw({x})");
        return f.Apply(x);
    }

    private Promise<int> Combine(int index, TreeNode.Combine combine)
    {
        Promise<int>[] inputs = [.. combine.Of.Select(i => Nodes[i])];
        string fold = $"n{index}:fold";
        return combine.Kind switch
        {
            CombinatorKind.All => _operations.All(inputs).Then(values =>
            {
                Record(fold);
                return Sum(values);
            }),
            CombinatorKind.AllSettled => _operations.AllSettled(inputs).Then(results =>
            {
                Record(fold);
                return Sum([.. results.Select(r => r.Status == PromiseState.Fulfilled ? r.Value : 1000 * CodeOf(r.Reason!))]);
            }),
            CombinatorKind.Any => _operations.Any(inputs).Then(x =>
            {
                Record(fold);
                return x;
            }),
            CombinatorKind.Race => _operations.Race(inputs).Then(x =>
            {
                Record(fold);
                return x;
            }),
            _ => _operations.Some(inputs, combine.Count).Then(values =>
            {
                Record(fold);
                return Sum(values);
            }),
        };
    }

    private static int Sum(int[] values)
    {
        int sum = 0;
        foreach (int value in values)
        {
            sum = unchecked(sum + value);
        }

        return sum;
    }
}
