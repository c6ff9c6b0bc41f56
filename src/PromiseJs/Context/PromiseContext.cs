using PromiseJs.Diagnostics;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Context;

/// <summary>
/// A node of the promise tree: a unit of work (<c>Promise.Run</c>, an <c>async Promise</c> method) or an explicit context.
/// Promises started while a node's work runs become its children, through the async-local <see cref="Current"/>; the tree
/// can be awaited (<see cref="WhenChildren(bool)"/>), inspected (<see cref="GetPendingChildren"/>, <see cref="ToTreeString()"/>),
/// configured (start policy, scheduler) and cancelled (<see cref="Cancel"/>) as a unit.
/// </summary>
/// <remarks>Every setting is resolved and frozen when the node is created: a node behaves as it was created, whenever its
/// work starts. Settled children drop out of their parent, so a long-lived node holds only its live children.</remarks>
public sealed class PromiseContext
{
    // The flow's stack of entered contexts (an immutable list, innermost first); Current is its head.
    private static readonly AsyncLocal<ActiveEntry?> s_active = new();
    private static int s_defaultStart = (int)PromiseStart.Eager;


    // Live children, most recent first; the sibling links below are guarded by the parent's _gate.
    private PromiseContext? _firstChild;
    private PromiseContext? _previousSibling;
    private PromiseContext? _nextSibling;
    private bool _linked;

    // Created on first use of CancellationToken; cancellation itself walks the tree, so children never register on it.
    private CancellationTokenSource? _cancellation;
    private int _cancelled;
    private readonly CancellationToken _externalToken;

    // The work promise of a work node, or the completion of an explicit context; set once.
    private Promise? _completion;

    // A node is done when its promise has settled and it has no live children left (structured: a node never drops out of
    // its parent while work it started still runs). The two signals are created only when somebody waits for them.
    private bool _promiseSettled;

    // Work bodies still running after a cancellation settled this node's promise: +1 from OnCompleted, -1 from
    // OnWorkEnded, in either order (so it may dip to -1 for a moment); the node finishes only at 0.
    private int _bodiesRunning;

    private bool _finished;
    private Promise<VoidResult>? _settledSignal;
    private Promise<VoidResult>? _done;

    // Set for the context of a PromiseScope: it collects its children's failures.
    private PromiseScope? _scope;
    private List<Promise>? _failedChildren;

    // When the node was created: Environment.TickCount64 for the system clock (a fraction of the cost of a precise
    // timestamp, and milliseconds are plenty for a hang report), else the given clock's timestamp (deterministic tests).
    private readonly long _createdAt;

    // The state machine type of an async Promise method's node: its name is the method's (computed only when printed).
    private Type? _method;

    /// <summary>Creates an explicit context, a child of <see cref="Current"/> unless the options say otherwise; enter it with
    /// <see cref="Enter"/> and end it with <see cref="Complete"/>.</summary>
    /// <param name="options">The settings; <see langword="null"/> inherits everything.</param>
    public PromiseContext(PromiseContextOptions? options = null)
        : this(options, explicitContext: true)
    {
    }

    internal PromiseContext(PromiseContextOptions? options, bool explicitContext)
    {
        PromiseContext? parent = options is { Orphan: true } ? null : options?.Parent ?? Current;
        Parent = parent;
        Name = options?.Name;
        Start = ResolveStart(options?.Start, parent);
        ChildrenStart = options?.ChildrenStart switch
        {
            null => parent?.ChildrenStart,
            PromiseStart.Default => DefaultStart,
            PromiseStart.Inherit => Start,
            { } explicitPolicy => explicitPolicy,
        };
        Scheduler = options?.Scheduler ?? parent?.Scheduler ?? AmbientScheduler();
        TimeProvider = options?.TimeProvider ?? parent?.TimeProvider ?? TimeProvider.System;
        _createdAt = TimeProvider == TimeProvider.System ? Environment.TickCount64 : TimeProvider.GetTimestamp();
        _externalToken = options?.CancellationToken ?? default;
        if (explicitContext)
        {
            _completion = new Promise<VoidResult>();
        }

        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnContextCreated(this);
        }

        parent?.AddChild(this);
        if (_externalToken.CanBeCanceled)
        {
            _externalToken.UnsafeRegister(static state => ((PromiseContext)state!).Cancel(), this);
        }
    }

    /// <summary>Gets the context of the code running now (async-local), or <see langword="null"/>.</summary>
    public static PromiseContext? Current => s_active.Value?.Context;

    /// <summary>Gets or sets the start policy of nodes that leave theirs unset and whose parents set no children policy.
    /// Changing it does not change nodes that already exist.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not <see cref="PromiseStart.Eager"/> or <see cref="PromiseStart.Lazy"/>.</exception>
    public static PromiseStart DefaultStart
    {
        get => (PromiseStart)Volatile.Read(ref s_defaultStart);
        set
        {
            if (value is not (PromiseStart.Eager or PromiseStart.Lazy))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The global default must be PromiseStart.Eager or PromiseStart.Lazy.");
            }

            Volatile.Write(ref s_defaultStart, (int)value);
        }
    }

    /// <summary>Gets the parent node, or <see langword="null"/> for a root.</summary>
    public PromiseContext? Parent { get; }

    /// <summary>Gets the name shown in diagnostics.</summary>
    public string? Name { get; }

    /// <summary>Gets when this node's work begins (resolved at creation: <see cref="PromiseStart.Eager"/> or <see cref="PromiseStart.Lazy"/>).</summary>
    public PromiseStart Start { get; }

    /// <summary>Gets the start policy for children that leave theirs unset, or <see langword="null"/> when none is set.</summary>
    public PromiseStart? ChildrenStart { get; }

    /// <summary>Gets where this node's handlers and work run (resolved at creation).</summary>
    public PromiseScheduler Scheduler { get; }

    /// <summary>Gets the clock diagnostics measure pending time with.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the promise this node stands for: the work promise, or the completion of an explicit context.</summary>
    public Promise Completion => _completion!;

    /// <summary>Gets the state of <see cref="Completion"/>.</summary>
    public PromiseState State => _completion?.State ?? PromiseState.Pending;

    /// <summary>Gets whether this node (or an ancestor, or its external token) was cancelled.</summary>
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0 || _externalToken.IsCancellationRequested;

    /// <summary>Gets a token that is cancelled when this node is: read it in the node's work to stop early.</summary>
    public CancellationToken CancellationToken
    {
        get
        {
            CancellationTokenSource? source = Volatile.Read(ref _cancellation);
            if (source is null)
            {
                lock (Gate)
                {
                    source = _cancellation ??= new CancellationTokenSource();
                }

                if (IsCancellationRequested)
                {
                    source.Cancel();
                }
            }

            return source.Token;
        }
    }

    /// <summary>Gets a snapshot of the live (pending) children.</summary>
    public IReadOnlyList<PromiseContext> Children => GetPendingChildren(recursive: false);

    /// <summary>Gets the context that must be current, or throws.</summary>
    /// <returns>The current context, never <see langword="null"/>.</returns>
    /// <exception cref="PromiseContextException">No context is current.</exception>
    public static PromiseContext RequireCurrent() => Current ?? throw new PromiseContextException(
        "No promise context is current. Run this inside Promise.Run(...), an async Promise method, or a context entered with PromiseContext.Enter().");

    /// <summary>Returns a function that runs <paramref name="function"/> as a new node each time it is called (the
    /// decorator form).</summary>
    /// <typeparam name="T">The value type of the promise <paramref name="function"/> returns.</typeparam>
    /// <param name="function">The asynchronous work; each call of the returned function calls it as
    /// <see cref="Promise.Run{T}(Func{Promise{T}}, PromiseContextOptions)"/> does, as a new node that is a child of the
    /// context current at that call.</param>
    /// <param name="options">The settings of every node the returned function creates; <see langword="null"/>
    /// inherits.</param>
    /// <returns>A function that, each time it is called, starts <paramref name="function"/> as a new node and returns
    /// that node's promise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Func<Promise<T>> Wrap<T>(Func<Promise<T>> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return () => Promise.Run(function, options);
    }

    /// <summary>Returns a function that runs <paramref name="function"/> as a new node each time it is called (the
    /// decorator form).</summary>
    /// <param name="function">The asynchronous work; each call of the returned function calls it as
    /// <see cref="Promise.Run(Func{Promise}, PromiseContextOptions)"/> does, as a new node that is a child of the
    /// context current at that call.</param>
    /// <param name="options">The settings of every node the returned function creates; <see langword="null"/>
    /// inherits.</param>
    /// <returns>A function that, each time it is called, starts <paramref name="function"/> as a new node and returns
    /// that node's promise of no value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Func<Promise> Wrap(Func<Promise> function, PromiseContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return () => Promise.Run(function, options);
    }

    /// <summary>Makes this context <see cref="Current"/> until the returned scope is disposed (with <c>using</c> or
    /// <c>await using</c>; it stays current across <c>await</c>s inside).</summary>
    /// <returns>The scope that keeps this context current; dispose it, in the same flow, to make the previous context
    /// current again.</returns>
    /// <exception cref="PromiseContextException">This context is already active in this flow.</exception>
    public PromiseContextScope Enter()
    {
        ActiveEntry? active = s_active.Value;
        for (ActiveEntry? entry = active; entry is not null; entry = entry.Previous)
        {
            if (entry.Context == this)
            {
                throw new PromiseContextException(
                    $"The promise context '{this}' is already active in this flow; it cannot be entered again until the scope of the first Enter() is disposed.");
            }
        }

        var entered = new ActiveEntry(this, active);
        s_active.Value = entered;
        return new PromiseContextScope(entered);
    }

    /// <summary>Ends an explicit context: its <see cref="Completion"/> fulfills and it drops out of its parent.</summary>
    /// <exception cref="InvalidOperationException">This is the node of a promise's work, which ends when that promise settles.</exception>
    public void Complete()
    {
        if (_completion is not Promise<VoidResult> completion || _completion is IWorkPromise)
        {
            throw new InvalidOperationException("Only an explicit context can be completed; a work node completes when its promise settles.");
        }

        if (completion.TryFulfill(default))
        {
            OnCompleted(completion);
        }
    }

    /// <summary>Cancels this node and every descendant: their tokens are cancelled and their pending work promises reject with
    /// <see cref="OperationCanceledException"/> at once; a node whose work is still running stays in the tree (and
    /// <see cref="WhenChildren(bool)"/> waits for it) until that work has ended.</summary>
    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) != 0)
        {
            return;
        }

        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnContextCancelled(this);
        }

        if (_completion is IWorkPromise work)
        {
            work.TryCancel(new OperationCanceledException($"The promise context '{this}' was cancelled.", CancellationToken));
        }

        foreach (PromiseContext child in GetPendingChildren(recursive: false))
        {
            child.Cancel();
        }

        Volatile.Read(ref _cancellation)?.Cancel();
    }

    /// <summary>Returns a promise that fulfills once every child pending now — and every child started meanwhile — has
    /// settled; with <paramref name="recursive"/>, once their whole subtrees have (a child stays in the tree while work it
    /// started still runs). It waits for timing only: it never rejects with a child's error (await the children for that).</summary>
    /// <param name="recursive"><see langword="true"/> (the default) to wait for the children's whole subtrees,
    /// including work they started that still runs; <see langword="false"/> to wait only for the children's own
    /// promises.</param>
    /// <returns>A promise of no value that fulfills once no child (or subtree) is pending any more — at once if none
    /// is; it never rejects.</returns>
    public Promise WhenChildren(bool recursive = true) => WaitForPendingChildren(recursive);

    // WhenChildren(bool) under a name of its own: the cancellable overload calls it without the token on purpose.
    private Promise WaitForPendingChildren(bool recursive)
    {
        var signals = new List<Promise<VoidResult>>();
        foreach (PromiseContext child in GetPendingChildren(recursive: false))
        {
            if (recursive)
            {
                signals.Add(child.Done);
            }
            else if (!child.PromiseSettled)
            {
                signals.Add(child.SettledSignal);
            }
        }

        return signals.Count == 0 ? Promise.Resolve() : Promise.All(signals).Then(() => WaitForPendingChildren(recursive));
    }

    /// <summary>Returns a promise that fulfills as <see cref="WhenChildren(bool)"/> does, or rejects with
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled first. Cancelling stops
    /// the wait only: the children go on (cancel them with <see cref="Cancel"/>).</summary>
    /// <param name="recursive">Whether to wait for the children's whole subtrees too.</param>
    /// <param name="cancellationToken">Stops the wait when cancelled; its registration is removed once the children are done.</param>
    /// <returns>The wait; rejected at once when <paramref name="cancellationToken"/> is already cancelled, even with no
    /// child pending.</returns>
    public Promise WhenChildren(bool recursive, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Promise.Reject(new OperationCanceledException(cancellationToken));
        }

        Promise children = WaitForPendingChildren(recursive);
        return cancellationToken.CanBeCanceled && !children.IsSettled ? children.WaitAsync(cancellationToken) : children;
    }

    /// <summary>Blocks until <see cref="WhenChildren(bool)"/> fulfills or <paramref name="timeout"/> passes.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> to wait without a
    /// limit.</param>
    /// <param name="recursive"><see langword="true"/> (the default) to wait for the children's whole subtrees;
    /// <see langword="false"/> to wait only for the children's own promises.</param>
    /// <exception cref="TimeoutException">Children were still pending after <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while children are pending.</exception>
    public void WaitForChildren(TimeSpan timeout, bool recursive = true) => WhenChildren(recursive).Wait(timeout);

    /// <summary>Blocks until <see cref="WhenChildren(bool)"/> fulfills, <paramref name="timeout"/> passes or
    /// <paramref name="cancellationToken"/> is cancelled; cancelling stops the wait only, never the children.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> waits for as long as it takes.</param>
    /// <param name="recursive">Whether to wait for the children's whole subtrees too.</param>
    /// <param name="cancellationToken">Stops the wait when cancelled.</param>
    /// <exception cref="TimeoutException">Children were still pending after <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while children are pending.</exception>
    public void WaitForChildren(TimeSpan timeout, bool recursive, CancellationToken cancellationToken) =>
        WaitForPendingChildren(recursive).Wait(timeout, cancellationToken);

    /// <summary>Returns a snapshot of the children still pending; with <paramref name="recursive"/>, depth first, their pending children too.</summary>
    /// <param name="recursive"><see langword="false"/> (the default) for the direct children only;
    /// <see langword="true"/> to include every pending descendant, depth first.</param>
    /// <returns>A new list of the pending children at the time of the call; it does not change afterwards.</returns>
    public IReadOnlyList<PromiseContext> GetPendingChildren(bool recursive = false)
    {
        var result = new List<PromiseContext>();
        CollectChildren(result, recursive);
        return result;
    }

    /// <summary>Prints this node and its live descendants, one per line, with their states and how long they have been
    /// pending — what to print when an application hangs.</summary>
    /// <returns>One line per node, <c>name [state]</c>, with <c>├─</c>/<c>└─</c> branches; the last line ends with a line feed.</returns>
    public string ToTreeString() => PromiseTreeWriter.ToText(this);

    /// <summary>Prints this node and its live descendants as JSON, for tools: what <see cref="ToTreeString()"/> shows, and
    /// each node's start policy and scheduler.</summary>
    /// <param name="indented">Whether to indent the JSON for people to read; the default is one compact line.</param>
    /// <returns>One JSON object per node: <c>name</c>; <c>state</c> (<c>"pending"</c>, <c>"fulfilled"</c> or <c>"rejected"</c>);
    /// <c>pendingSeconds</c> (only while pending, on the node's <see cref="TimeProvider"/>); <c>cancelled</c>; <c>start</c>
    /// and <c>childrenStart</c> (a <see cref="PromiseStart"/> name, <c>childrenStart</c> <see langword="null"/> when unset);
    /// <c>scheduler</c> (<c>"ThreadPool"</c>, <c>"PromiseLoop"</c>, <c>"SynchronizationContext"</c> or <c>"TaskScheduler"</c>);
    /// and <c>children</c>, the pending children oldest first, each such an object.</returns>
    public string ToTreeJson(bool indented = false) => PromiseTreeWriter.ToJson(this, indented);

    /// <summary>Prints this node and its live descendants as a Graphviz DOT graph (render it with <c>dot -Tsvg</c>).</summary>
    /// <returns>A <c>digraph</c> with one box per node, labelled with the node's name, its state as
    /// <see cref="ToTreeString()"/> shows it, its start policy and its scheduler, and an edge from each node to each of its
    /// pending children; rejected nodes are red, fulfilled ones green, cancelled ones dashed.</returns>
    public string ToTreeDot() => PromiseTreeWriter.ToDot(this);

    /// <summary>Returns the name, or a placeholder for an unnamed node.</summary>
    /// <returns>The node's <see cref="Name"/>, else the name of the async method it runs, else
    /// <c>(unnamed)</c>.</returns>
    public override string ToString() => Name ?? MethodName() ?? "(unnamed)";

    // Guards the children list, the completion flags and the lazily made signals and token source. The node itself: a
    // separate lock object would be one more allocation per async Promise call, and the lock is never held across user code.
    private object Gate => this;

    internal static PromiseStart ResolveStart(PromiseStart? setting, PromiseContext? parent) => setting switch
    {
        null => parent?.ChildrenStart ?? DefaultStart,
        PromiseStart.Default => DefaultStart,
        PromiseStart.Inherit => parent?.Start ?? DefaultStart,
        { } explicitPolicy => explicitPolicy,
    };

    // Runs with this node current: a cheap way in for work that the library starts (restore with ExitRaw).
    internal ExecutionContext? EnterRaw()
    {
        ExecutionContext? previous = ExecutionContext.Capture();
        s_active.Value = new ActiveEntry(this, s_active.Value);
        return previous;
    }

    internal static void ExitRaw(ExecutionContext? previous, ActiveEntry? fallback)
    {
        if (previous is not null)
        {
            ExecutionContext.Restore(previous);
        }
        else
        {
            s_active.Value = fallback;
        }
    }

    internal static ActiveEntry? ActiveEntryValue => s_active.Value;

    internal static void SetActive(ActiveEntry? entry) => s_active.Value = entry;

    internal void SetCompletion(Promise completion) => _completion = completion;

    internal void SetMethod(Type stateMachineType) => _method = stateMachineType;

    // How long the node has existed, on its clock.
    internal TimeSpan PendingFor() => TimeProvider == TimeProvider.System
        ? TimeSpan.FromMilliseconds(Environment.TickCount64 - _createdAt)
        : TimeProvider.GetElapsedTime(_createdAt);

    // "<FetchPage>d__3" is the compiler's state machine of FetchPage: the method's name, for diagnostics.
    private string? MethodName()
    {
        string? name = _method?.Name;
        if (name is null || name.Length < 3 || name[0] != '<')
        {
            return name;
        }

        int end = name.IndexOf('>', StringComparison.Ordinal);
        return end > 1 ? name[1..end] : name;
    }

    internal bool IsScope => _scope is not null;

    internal void AttachScope(PromiseScope scope) => _scope = scope;

    // Fulfilled when this node is done (its promise settled and no live children); created on demand.
    internal Promise<VoidResult> Done
    {
        get
        {
            lock (Gate)
            {
                return _done ??= _finished ? new Promise<VoidResult>(default(VoidResult)) : new Promise<VoidResult>();
            }
        }
    }

    // Fulfilled when this node's own promise has settled; created on demand.
    private Promise<VoidResult> SettledSignal
    {
        get
        {
            lock (Gate)
            {
                return _settledSignal ??= _promiseSettled ? new Promise<VoidResult>(default(VoidResult)) : new Promise<VoidResult>();
            }
        }
    }

    private bool PromiseSettled
    {
        get
        {
            lock (Gate)
            {
                return _promiseSettled;
            }
        }
    }

    internal IReadOnlyList<Promise> TakeFailedChildren()
    {
        lock (Gate)
        {
            List<Promise> failed = _failedChildren ?? [];
            _failedChildren = null;
            return failed;
        }
    }

    // The capture rule handlers use too, so a node made under a context posts through the same one queue as they do.
    private static PromiseScheduler AmbientScheduler() => JobScheduler.CaptureAmbient(SynchronizationContext.Current);

    // Called once, when the node's promise has settled; bodyStillRunning when a cancellation settled it while the work's
    // body runs on (the node then finishes only after OnWorkEnded too).
    internal void OnCompleted(Promise completion, bool bodyStillRunning = false)
    {
        Promise<VoidResult>? settledSignal;
        bool finish;
        lock (Gate)
        {
            _promiseSettled = true;
            if (bodyStillRunning)
            {
                _bodiesRunning++;
            }

            settledSignal = _settledSignal;
            finish = _firstChild is null && _bodiesRunning == 0 && !_finished;
            _finished |= finish;
        }

        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnContextCompleted(this, completion.State);
        }

        settledSignal?.TryFulfill(default);
        if (completion.IsRejected)
        {
            Parent?.OnChildFailed(completion);
        }

        if (finish)
        {
            Finish();
        }
    }

    // The work's body ended after a cancellation had settled the node's promise (it may arrive before OnCompleted does).
    internal void OnWorkEnded()
    {
        bool finish;
        lock (Gate)
        {
            _bodiesRunning--;
            finish = _firstChild is null && _promiseSettled && _bodiesRunning == 0 && !_finished;
            _finished |= finish;
        }

        if (finish)
        {
            Finish();
        }
    }

    // The node is done: it leaves its parent's tree, which may finish the parent in turn.
    private void Finish()
    {
        Promise<VoidResult>? done;
        lock (Gate)
        {
            done = _done;
        }

        Parent?.RemoveChild(this);
        done?.TryFulfill(default);
    }

    private void OnChildFailed(Promise child)
    {
        if (_scope is not { } scope)
        {
            return;
        }

        lock (Gate)
        {
            (_failedChildren ??= []).Add(child);
        }

        if (scope.CancelsSiblingsOnError && child.Reason is not OperationCanceledException)
        {
            Cancel();
        }
    }

    private void AddChild(PromiseContext child)
    {
        lock (Gate)
        {
            child._nextSibling = _firstChild;
            if (_firstChild is not null)
            {
                _firstChild._previousSibling = child;
            }

            _firstChild = child;
            child._linked = true;
        }

        if (IsCancellationRequested)
        {
            child.Cancel();
        }
    }

    private void RemoveChild(PromiseContext child)
    {
        bool finish;
        lock (Gate)
        {
            if (!child._linked)
            {
                return;
            }

            if (child._previousSibling is { } previous)
            {
                previous._nextSibling = child._nextSibling;
            }
            else
            {
                _firstChild = child._nextSibling;
            }

            if (child._nextSibling is { } next)
            {
                next._previousSibling = child._previousSibling;
            }

            child._previousSibling = null;
            child._nextSibling = null;
            child._linked = false;
            finish = _firstChild is null && _promiseSettled && _bodiesRunning == 0 && !_finished;
            _finished |= finish;
        }

        if (finish)
        {
            Finish();
        }
    }

    private void CollectChildren(List<PromiseContext> result, bool recursive)
    {
        var children = new List<PromiseContext>();
        lock (Gate)
        {
            for (PromiseContext? child = _firstChild; child is not null; child = child._nextSibling)
            {
                children.Add(child);
            }
        }

        // Oldest first reads better; the list is kept most recent first for O(1) insertion. Depth first when recursive.
        for (int i = children.Count - 1; i >= 0; i--)
        {
            result.Add(children[i]);
            if (recursive)
            {
                children[i].CollectChildren(result, recursive: true);
            }
        }
    }

    internal sealed class ActiveEntry(PromiseContext context, ActiveEntry? previous)
    {
        public PromiseContext Context { get; } = context;

        public ActiveEntry? Previous { get; } = previous;
    }
}
