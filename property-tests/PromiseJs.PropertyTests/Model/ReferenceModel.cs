using PromiseJs.PropertyTests.Generators;

namespace PromiseJs.PropertyTests.Model;

/// <summary>The reference model: an interpreter of ECMAScript's job rules for a <see cref="TreeProgram"/>, written for
/// obviousness, not speed. It has one FIFO job queue (drained completely before each timer) and timers ordered by (due,
/// creation), and it computes every node's outcome and the exact order of handler calls.</summary>
/// <remarks>
/// The rules, each as the spec states it:
/// <list type="bullet">
/// <item><c>then</c> on a settled promise queues its reaction job at once; on a pending one, when it settles, in
/// attachment order (PerformPromiseThen, TriggerPromiseReactions).</item>
/// <item>A handler's value fulfills; its exception rejects; a missing handler passes the outcome on.</item>
/// <item>Resolving with a promise of this library queues NewPromiseResolveThenableJob, which calls its <c>then</c>; that
/// reaction settles the promise: two jobs (after the adopted promise settles); resolving with itself rejects (TypeError).</item>
/// <item>Resolving with a foreign thenable calls its <c>then</c> in a job; only the first call back counts.</item>
/// <item>A task (no JavaScript counterpart): a completed one settles at once, another when it completes.</item>
/// <item><c>finally(f)</c> is <c>then(v => PromiseResolve(f()).then(() => v), r => PromiseResolve(f()).then(() => throw r))</c>.</item>
/// <item><c>await p</c> resumes one job after <c>p</c> settles (it is a <c>then</c>); an async method's promise settles at its <c>return</c>.</item>
/// <item><c>Promise.Run(f)</c> with a promise-returning <c>f</c> is an async function returning that promise: called at
/// once, its promise resolved with what it returned.</item>
/// <item>All, AllSettled, Any, Race subscribe to each input with <c>then</c>, in input order; Some (Bluebird's) likewise.</item>
/// </list>
/// </remarks>
public sealed class ReferenceModel
{
    private readonly Queue<Action> _jobs = new();
    private readonly List<(long Due, long Sequence, Action Fire)> _timers = [];
    private readonly List<string> _log = [];
    private readonly TreeProgram _program;
    private readonly Node[] _nodes;
    private long _now;
    private long _sequence;

    private ReferenceModel(TreeProgram program)
    {
        _program = program;
        _nodes = new Node[program.Nodes.Length];
    }

    /// <summary>Gets the handler calls in the order they happen, as <c>n3:f(5)</c> (onFulfilled of node 3 with 5),
    /// <c>r(code)</c>, <c>fin</c>, <c>aw(x)</c>, <c>fold</c>, <c>thenable</c> (a foreign thenable's <c>Then</c> called).</summary>
    public IReadOnlyList<string> Log => _log;

    /// <summary>Gets each node's outcome.</summary>
    public IReadOnlyList<ModelOutcome> Outcomes { get; private set; } = [];

    /// <summary>Gets, per node, whether its outcome depends on the order in which jobs of different promises run (it
    /// descends from a Race, Any, Some, or an All with several rejections): only other nodes are compared off the loop.</summary>
    public IReadOnlyList<bool> OrderDependent { get; private set; } = [];

    /// <summary>Runs the model of <paramref name="program"/>.</summary>
    public static ReferenceModel Run(TreeProgram program)
    {
        var model = new ReferenceModel(program);
        model.Execute();
        return model;
    }

    private void Execute()
    {
        for (int i = 0; i < _nodes.Length; i++)
        {
            _nodes[i] = Build(i, _program.Nodes[i]);
        }

        Drain();
        while (_timers.Count > 0)
        {
            var next = _timers.MinBy(t => (t.Due, t.Sequence));
            _timers.Remove(next);
            _now = next.Due;
            next.Fire();
            Drain();
        }

        Outcomes = [.. _nodes.Select(node => node.Outcome ?? throw new InvalidOperationException("The model left a node pending."))];
        var dependent = new bool[_nodes.Length];
        for (int i = 0; i < _nodes.Length; i++)
        {
            TreeNode node = _program.Nodes[i];
            dependent[i] = node.Inputs.Any(input => dependent[input]) || node switch
            {
                TreeNode.Combine { Kind: CombinatorKind.Race or CombinatorKind.Any or CombinatorKind.Some } => true,
                TreeNode.Combine { Kind: CombinatorKind.All } all => all.Of.Count(input => Outcomes[input] is ModelOutcome.Rejected) > 1,
                _ => false,
            };
        }

        OrderDependent = dependent;
    }

    private void Drain()
    {
        while (_jobs.Count > 0)
        {
            _jobs.Dequeue()();
        }
    }

    private void Enqueue(Action job) => _jobs.Enqueue(job);

    // ----- promises -----

    private static Node Settled(ModelOutcome outcome) => new() { Outcome = outcome };

    private void Settle(Node promise, ModelOutcome outcome)
    {
        if (promise.Outcome is not null)
        {
            return;
        }

        promise.Outcome = outcome;
        foreach (Action<ModelOutcome> reaction in promise.Reactions)
        {
            Enqueue(() => reaction(outcome));
        }

        promise.Reactions.Clear();
    }

    private void Subscribe(Node promise, Action<ModelOutcome> reaction)
    {
        if (promise.Outcome is { } outcome)
        {
            Enqueue(() => reaction(outcome));
        }
        else
        {
            promise.Reactions.Add(reaction);
        }
    }

    private void ResolveWithPromise(Node target, Node adopted)
    {
        if (ReferenceEquals(target, adopted))
        {
            Settle(target, new ModelOutcome.Rejected(TreeReason.SelfResolution));
            return;
        }

        // NewPromiseResolveThenableJob: calls adopted.then in a job; its reaction settles the target.
        Enqueue(() => Subscribe(adopted, outcome => Settle(target, outcome)));
    }

    private void At(Moment when, Action action)
    {
        switch (when.Kind)
        {
            case MomentKind.Ticks:
                AfterJobs(when.Amount, action);
                break;
            case MomentKind.Timer:
                // Promise.Delay(ms).Then(action): the timer fulfills the delay's promise, whose reaction runs the action.
                _timers.Add((_now + when.Amount, _sequence++, () => Enqueue(action)));
                break;
            default:
                action();
                break;
        }
    }

    private void AfterJobs(int jobs, Action action) => Enqueue(() =>
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

    private Node Source(TreeValue result, Moment when)
    {
        if (when.IsImmediate)
        {
            return Settled(ModelOutcome.From(result));
        }

        var promise = new Node();
        At(when, () => Settle(promise, ModelOutcome.From(result)));
        return promise;
    }

    // ----- nodes -----

    private Node Build(int index, TreeNode node) => node switch
    {
        TreeNode.Source source => Source(source.Result, source.When),
        TreeNode.Then then => Then(index, _nodes[then.Parent], then.OnFulfilled, then.OnRejected),
        TreeNode.Catch @catch => Then(index, _nodes[@catch.Parent], null, @catch.OnRejected),
        TreeNode.Finally @finally => Finally(index, _nodes[@finally.Parent], @finally.Body),
        TreeNode.Await await => Await(index, _nodes[await.Parent], await.F),
        TreeNode.Run run => Run(index, _nodes[run.Parent], run.F),
        TreeNode.Combine combine => Combine(index, combine),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private Node Run(int index, Node parent, IntFunction f)
    {
        // The function runs now and returns a promise; the node's promise is resolved with it (two jobs, as always).
        Node returned = Then(index, parent, new TreeHandler.Value(f), null);
        var node = new Node();
        ResolveWithPromise(node, returned);
        return node;
    }

    private Node Then(int index, Node parent, TreeHandler? onFulfilled, TreeHandler? onRejected)
    {
        var derived = new Node();
        Subscribe(parent, outcome =>
        {
            if (outcome is ModelOutcome.Fulfilled fulfilled && onFulfilled is not null)
            {
                _log.Add($"n{index}:f({fulfilled.Value})");
                RunHandler(index, onFulfilled, fulfilled.Value, derived);
            }
            else if (outcome is ModelOutcome.Rejected rejected && onRejected is not null)
            {
                _log.Add($"n{index}:r({rejected.Reason.Code})");
                RunHandler(index, onRejected, rejected.Reason.Code, derived);
            }
            else
            {
                Settle(derived, outcome);
            }
        });
        return derived;
    }

    private void RunHandler(int index, TreeHandler handler, int argument, Node derived)
    {
        switch (handler)
        {
            case TreeHandler.Value value:
                Settle(derived, ModelOutcome.Apply(value.F, argument));
                break;
            case TreeHandler.ReturnNode node:
                ResolveWithPromise(derived, _nodes[node.Node]);
                break;
            case TreeHandler.ReturnFresh fresh:
                ResolveWithPromise(derived, Source(fresh.Result, fresh.When));
                break;
            case TreeHandler.ReturnSelf:
                ResolveWithPromise(derived, derived);
                break;
            case TreeHandler.ReturnThenable thenable:
                Enqueue(() =>
                {
                    _log.Add($"n{index}:thenable");
                    // The resolving functions: only the first call counts (A+ 2.3.3.3.3); a throw after it is ignored.
                    bool called = false;
                    void Resolve(ModelOutcome outcome)
                    {
                        if (!called)
                        {
                            called = true;
                            Settle(derived, outcome);
                        }
                    }

                    At(thenable.When, () =>
                    {
                        Resolve(ModelOutcome.From(thenable.Result));
                        if (thenable.Misbehaves)
                        {
                            Resolve(new ModelOutcome.Rejected(TreeReason.Law(998)));
                            Resolve(new ModelOutcome.Fulfilled(998));
                        }
                    });
                });
                break;
            case TreeHandler.ReturnTask task:
                At(task.When, () => Settle(derived, ModelOutcome.From(task.Result)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(handler));
        }
    }

    private Node Finally(int index, Node parent, FinallyBody body)
    {
        var derived = new Node();
        Subscribe(parent, outcome =>
        {
            _log.Add($"n{index}:fin");
            if (body is FinallyBody.Throws throws)
            {
                Settle(derived, new ModelOutcome.Rejected(TreeReason.Law(throws.Code)));
                return;
            }

            // PromiseResolve(onFinally()).then(() => value) (or () => throw reason): the handler returns that promise.
            Node result = body is FinallyBody.ReturnsPromise promise
                ? Source(promise.Result, promise.When)
                : Settled(new ModelOutcome.Fulfilled(0));
            var passOn = new Node();
            Subscribe(result, settled => Settle(passOn, settled is ModelOutcome.Rejected ? settled : outcome));
            ResolveWithPromise(derived, passOn);
        });
        return derived;
    }

    private Node Await(int index, Node parent, IntFunction f)
    {
        var method = new Node();
        Subscribe(parent, outcome =>
        {
            if (outcome is ModelOutcome.Fulfilled fulfilled)
            {
                _log.Add($"n{index}:aw({fulfilled.Value})");
                Settle(method, ModelOutcome.Apply(f, fulfilled.Value));
            }
            else
            {
                // await throws the reason; the method's promise rejects with it.
                Settle(method, outcome);
            }
        });
        return method;
    }

    private Node Combine(int index, TreeNode.Combine combine)
    {
        Node[] inputs = [.. combine.Of.Select(i => _nodes[i])];
        var combined = new Node();
        switch (combine.Kind)
        {
            case CombinatorKind.All:
            {
                int remaining = inputs.Length;
                int sum = 0;
                for (int i = 0; i < inputs.Length; i++)
                {
                    Subscribe(inputs[i], outcome =>
                    {
                        if (outcome is ModelOutcome.Fulfilled fulfilled)
                        {
                            sum = unchecked(sum + fulfilled.Value);
                            if (--remaining == 0)
                            {
                                Settle(combined, new ModelOutcome.Fulfilled(sum));
                            }
                        }
                        else
                        {
                            Settle(combined, outcome);
                        }
                    });
                }

                break;
            }

            case CombinatorKind.AllSettled:
            {
                int remaining = inputs.Length;
                int sum = 0;
                for (int i = 0; i < inputs.Length; i++)
                {
                    Subscribe(inputs[i], outcome =>
                    {
                        sum = unchecked(sum + (outcome is ModelOutcome.Fulfilled f ? f.Value : 1000 * ((ModelOutcome.Rejected)outcome).Reason.Code));
                        if (--remaining == 0)
                        {
                            Settle(combined, new ModelOutcome.Fulfilled(sum));
                        }
                    });
                }

                break;
            }

            case CombinatorKind.Any:
            {
                int remaining = inputs.Length;
                var reasons = new TreeReason[inputs.Length];
                for (int i = 0; i < inputs.Length; i++)
                {
                    int at = i;
                    Subscribe(inputs[i], outcome =>
                    {
                        if (outcome is ModelOutcome.Rejected rejected)
                        {
                            reasons[at] = rejected.Reason;
                            if (--remaining == 0)
                            {
                                Settle(combined, new ModelOutcome.Rejected(TreeReason.Aggregate(reasons)));
                            }
                        }
                        else
                        {
                            Settle(combined, outcome);
                        }
                    });
                }

                break;
            }

            case CombinatorKind.Race:
                foreach (Node input in inputs)
                {
                    Subscribe(input, outcome => Settle(combined, outcome));
                }

                break;
            default:
            {
                // Some(count): the first count values in arrival order; rejects with the reasons in arrival order once
                // more than inputs - count inputs rejected.
                int fulfilledCount = 0;
                int sum = 0;
                var reasons = new List<TreeReason>();
                foreach (Node input in inputs)
                {
                    Subscribe(input, outcome =>
                    {
                        if (combined.Outcome is not null)
                        {
                            return;
                        }

                        if (outcome is ModelOutcome.Fulfilled fulfilled)
                        {
                            sum = unchecked(sum + fulfilled.Value);
                            if (++fulfilledCount == combine.Count)
                            {
                                Settle(combined, new ModelOutcome.Fulfilled(sum));
                            }
                        }
                        else
                        {
                            reasons.Add(((ModelOutcome.Rejected)outcome).Reason);
                            if (reasons.Count > inputs.Length - combine.Count)
                            {
                                Settle(combined, new ModelOutcome.Rejected(TreeReason.Aggregate(reasons)));
                            }
                        }
                    });
                }

                break;
            }
        }

        // The fold handler: .Then(values => fold(values)) makes the combinator's result an int (Any and Race: x => x).
        var folded = new Node();
        Subscribe(combined, outcome =>
        {
            if (outcome is ModelOutcome.Fulfilled)
            {
                _log.Add($"n{index}:fold");
            }

            Settle(folded, outcome);
        });
        return folded;
    }

    /// <summary>A promise of the model: its outcome once settled, and the reactions waiting for it.</summary>
    private sealed class Node
    {
        public ModelOutcome? Outcome { get; set; }

        public List<Action<ModelOutcome>> Reactions { get; } = [];
    }
}
