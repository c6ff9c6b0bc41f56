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
    private static int s_defaultStart = (int)PromiseStart.Eager;


    // Live children, most recent first; the sibling links below are guarded by the parent's _gate.
    private PromiseContext? _firstChild;

    // Children added since the lock was last taken, most recent first, chained through _nextSibling: AddChild pushes here
    // with a compare-and-swap instead of taking the lock the settling threads take to unlink, and every holder of the lock
    // that reads the children links these in first (LinkIncomingChildren).
    private PromiseContext? _incomingChildren;
    private PromiseContext? _previousSibling;
    private PromiseContext? _nextSibling;
    private bool _linked;

    private int _cancelled;

    // The work promise of a work node, or the completion of an explicit context; set once.
    private Promise? _completion;

    // A node is done when its promise has settled and it has no live children left (structured: a node never drops out of
    // its parent while work it started still runs). The two signals are created only when somebody waits for them.
    private bool _promiseSettled;

    // Work bodies still running after a cancellation settled this node's promise: +1 from OnCompleted, -1 from
    // OnWorkEnded, in either order (so it may dip to -1 for a moment); the node finishes only at 0.
    private int _bodiesRunning;

    private bool _finished;

    // What only some nodes need (tokens, a clock other than the system's, awaited signals, a scope); made on first need.
    private RareNodeState? _rare;

    // The resolved children policy; PromiseStart.Default stands for none (a resolved policy is never Default).
    private readonly PromiseStart _childrenStart;

    // When the node was created: Environment.TickCount64 for the system clock (a fraction of the cost of a precise
    // timestamp, and milliseconds are plenty for a hang report), else the given clock's timestamp (deterministic tests).
    private readonly long _createdAt;

    // The node's Name (a string), or the state machine type of an async Promise method's node, whose name is the method's
    // (computed only when printed); one field, since an async method's node never has a name of its own.
    private object? _nameOrMethod;

    /// <summary>Creates an explicit context, a child of <see cref="Current"/> unless the options say otherwise; enter it with
    /// <see cref="Enter"/> and end it with <see cref="Complete"/>.</summary>
    /// <param name="options">The settings; <see langword="null"/> inherits everything.</param>
    public PromiseContext(PromiseContextOptions? options = null)
        : this(options, explicitContext: true)
    {
    }

    internal PromiseContext(PromiseContextOptions? options, bool explicitContext)
        : this(options is { Orphan: true } ? null : options?.Parent ?? Current, options, completion: null, DefaultStart, ambientScheduler: null)
    {
        if (explicitContext)
        {
            _completion = new Promise<VoidResult>();
        }

        Parent?.AddChild(this);
        CancellationToken externalToken = options?.CancellationToken ?? default;
        if (externalToken.CanBeCanceled)
        {
            externalToken.UnsafeRegister(static state => ((PromiseContext)state!).Cancel(), this);
        }
    }

    // The node of an async Promise method, made on first need (see WorkPromise): set as a node created with no options
    // under parent at the call is — defaultStartAtCall and schedulerAtCall (for a root) are the global default start and
    // the ambient scheduler as they were then; whoever makes it links it into parent.
    internal PromiseContext(
        PromiseContext? parent, Promise completion, Type method, PromiseStart defaultStartAtCall, PromiseScheduler? schedulerAtCall)
        : this(parent, options: null, completion, defaultStartAtCall, schedulerAtCall)
    {
        _nameOrMethod = method;
    }

    // Resolves and freezes the settings (defaultStart stands for the global default, ambientScheduler, when given, for the
    // ambient one); links nothing.
    private PromiseContext(
        PromiseContext? parent, PromiseContextOptions? options, Promise? completion, PromiseStart defaultStart, PromiseScheduler? ambientScheduler)
    {
        Parent = parent;
        _nameOrMethod = options?.Name;
        _completion = completion;
        Start = options?.Start is { } start ? ResolveStart(start, parent) : parent?.ChildrenStart ?? defaultStart;
        _childrenStart = options?.ChildrenStart switch
        {
            null => parent?._childrenStart ?? PromiseStart.Default,
            PromiseStart.Default => DefaultStart,
            PromiseStart.Inherit => Start,
            { } explicitPolicy => explicitPolicy,
        };
        Scheduler = options?.Scheduler ?? parent?.Scheduler ?? ambientScheduler ?? AmbientScheduler();
        TimeProvider timeProvider = options?.TimeProvider ?? parent?.TimeProvider ?? TimeProvider.System;
        if (timeProvider == TimeProvider.System)
        {
            _createdAt = Environment.TickCount64;
        }
        else
        {
            EnsureRare().TimeProvider = timeProvider;
            _createdAt = timeProvider.GetTimestamp();
        }

        if (options?.CancellationToken is { CanBeCanceled: true } externalToken)
        {
            EnsureRare().ExternalToken = externalToken;
        }

        if (PromiseEventSource.IsOn)
        {
            PromiseEventSource.OnContextCreated(this);
        }
    }

    /// <summary>Gets the context of the code running now (async-local), or <see langword="null"/>.</summary>
    public static PromiseContext? Current => AmbientStack.Current;

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
    public string? Name => _nameOrMethod as string;

    /// <summary>Gets when this node's work begins (resolved at creation: <see cref="PromiseStart.Eager"/> or <see cref="PromiseStart.Lazy"/>).</summary>
    public PromiseStart Start { get; }

    /// <summary>Gets the start policy for children that leave theirs unset, or <see langword="null"/> when none is set.</summary>
    public PromiseStart? ChildrenStart => _childrenStart == PromiseStart.Default ? null : _childrenStart;

    /// <summary>Gets where this node's handlers and work run (resolved at creation).</summary>
    public PromiseScheduler Scheduler { get; }

    /// <summary>Gets the clock diagnostics measure pending time with.</summary>
    public TimeProvider TimeProvider => _rare?.TimeProvider ?? TimeProvider.System;

    /// <summary>Gets the promise this node stands for: the work promise, or the completion of an explicit context.</summary>
    public Promise Completion => _completion!;

    /// <summary>Gets the state of <see cref="Completion"/>.</summary>
    public PromiseState State => _completion?.State ?? PromiseState.Pending;

    /// <summary>Gets whether this node (or an ancestor, or its external token) was cancelled.</summary>
    public bool IsCancellationRequested =>
        Volatile.Read(ref _cancelled) != 0 || (_rare is { } rare && rare.ExternalToken.IsCancellationRequested);

    /// <summary>Gets a token that is cancelled when this node is: read it in the node's work to stop early.</summary>
    public CancellationToken CancellationToken
    {
        get
        {
            CancellationTokenSource? source = _rare is { } rare ? Volatile.Read(ref rare.Cancellation) : null;
            if (source is null)
            {
                lock (Gate)
                {
                    RareNodeState state = EnsureRare();
                    source = state.Cancellation ??= new CancellationTokenSource();
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
        if (AmbientStack.Contains(this))
        {
            throw new PromiseContextException(
                $"The promise context '{this}' is already active in this flow; it cannot be entered again until the scope of the first Enter() is disposed.");
        }

        // Always an entry of its own: the scope recognises its entry by identity when it is disposed.
        var entered = new ActiveEntry(this, AmbientStack.Value);
        AmbientStack.Value = entered;
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

        if (_rare is { } rare)
        {
            Volatile.Read(ref rare.Cancellation)?.Cancel();
        }
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while children are pending, or
    /// from inside one of the children it would wait for (it would wait for itself).</exception>
    public void WaitForChildren(TimeSpan timeout, bool recursive = true)
    {
        ThrowIfWaitingForItself(timeout, recursive);
        WhenChildren(recursive).Wait(timeout);
    }

    /// <summary>Blocks until <see cref="WhenChildren(bool)"/> fulfills, <paramref name="timeout"/> passes or
    /// <paramref name="cancellationToken"/> is cancelled; cancelling stops the wait only, never the children.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> waits for as long as it takes.</param>
    /// <param name="recursive">Whether to wait for the children's whole subtrees too.</param>
    /// <param name="cancellationToken">Stops the wait when cancelled.</param>
    /// <exception cref="TimeoutException">Children were still pending after <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite, or longer than <see cref="int.MaxValue"/> milliseconds (about 24.8 days).</exception>
    /// <exception cref="InvalidOperationException">Called on a <see cref="PromiseLoop"/> thread while children are pending, or
    /// from inside one of the children it would wait for (it would wait for itself).</exception>
    public void WaitForChildren(TimeSpan timeout, bool recursive, CancellationToken cancellationToken)
    {
        ThrowIfWaitingForItself(timeout, recursive);
        WaitForPendingChildren(recursive).Wait(timeout, cancellationToken);
    }

    // The argument checks of WaitForChildren. Blocking from inside a child that the wait includes (any descendant when
    // recursive; a child whose own promise is still pending otherwise) waits for the caller itself: a deadlock, refused.
    private void ThrowIfWaitingForItself(TimeSpan timeout, bool recursive)
    {
        TimeSpanChecks.WaitTimeout(timeout, nameof(timeout));
        PromiseContext? current = Current;
        for (PromiseContext? node = current; node is not null; node = node.Parent)
        {
            if (node.Parent == this)
            {
                if (recursive || (node == current && !node.PromiseSettled))
                {
                    throw new InvalidOperationException(
                        $"WaitForChildren was called on the promise context '{this}' from inside its child '{node}', so it would " +
                        "wait for itself and never return. Wait from outside the children, in the code that started them.");
                }

                return;
            }
        }
    }

    /// <summary>Returns a snapshot of the children still pending; with <paramref name="recursive"/>, depth first, their pending children too.</summary>
    /// <param name="recursive"><see langword="false"/> (the default) for the direct children only;
    /// <see langword="true"/> to include every pending descendant, depth first.</param>
    /// <returns>A new list of the pending children at the time of the call; it does not change afterwards.</returns>
    public IReadOnlyList<PromiseContext> GetPendingChildren(bool recursive = false)
    {
        // The async methods running in this flow that have no node yet may be descendants of this one: make their nodes
        // first, so the caller sees them as pending (as it would whenever they have suspended once).
        _ = AmbientStack.Current;
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

    internal void SetCompletion(Promise completion) => _completion = completion;

    internal void SetMethod(Type stateMachineType) => _nameOrMethod ??= stateMachineType;

    // How long the node has existed, on its clock.
    internal TimeSpan PendingFor() => _rare?.TimeProvider is { } timeProvider
        ? timeProvider.GetElapsedTime(_createdAt)
        : TimeSpan.FromMilliseconds(Environment.TickCount64 - _createdAt);

    // The rare state, made on first need; the exchange makes one instance win when two threads need it at once.
    private RareNodeState EnsureRare() =>
        Volatile.Read(ref _rare) ?? Interlocked.CompareExchange(ref _rare, new RareNodeState(), null) ?? _rare!;

    // "<FetchPage>d__3" is the compiler's state machine of FetchPage: the method's name, for diagnostics.
    private string? MethodName()
    {
        string? name = (_nameOrMethod as Type)?.Name;
        if (name is null || name.Length < 3 || name[0] != '<')
        {
            return name;
        }

        int end = name.IndexOf('>', StringComparison.Ordinal);
        return end > 1 ? name[1..end] : name;
    }

    internal bool IsScope => _rare?.Scope is not null;

    internal void AttachScope(PromiseScope scope) => EnsureRare().Scope = scope;

    // Fulfilled when this node is done (its promise settled and no live children); created on demand.
    internal Promise<VoidResult> Done
    {
        get
        {
            lock (Gate)
            {
                return EnsureRare().Done ??= _finished ? new Promise<VoidResult>(default(VoidResult)) : new Promise<VoidResult>();
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
                return EnsureRare().SettledSignal ??= _promiseSettled ? new Promise<VoidResult>(default(VoidResult)) : new Promise<VoidResult>();
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
            if (_rare is not { } rare)
            {
                return [];
            }

            List<Promise> failed = rare.FailedChildren ?? [];
            rare.FailedChildren = null;
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
        Promise<VoidResult>? done;
        lock (Gate)
        {
            _promiseSettled = true;
            if (bodyStillRunning)
            {
                _bodiesRunning++;
            }

            settledSignal = _rare?.SettledSignal;
            finish = HasNoLiveChildren && _bodiesRunning == 0 && !_finished;
            _finished |= finish;
            done = finish ? _rare?.Done : null;
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
            Finish(done);
        }
    }

    // The work's body ended after a cancellation had settled the node's promise (it may arrive before OnCompleted does).
    internal void OnWorkEnded()
    {
        bool finish;
        Promise<VoidResult>? done;
        lock (Gate)
        {
            _bodiesRunning--;
            finish = HasNoLiveChildren && _promiseSettled && _bodiesRunning == 0 && !_finished;
            _finished |= finish;
            done = finish ? _rare?.Done : null;
        }

        if (finish)
        {
            Finish(done);
        }
    }

    // The node is done: it leaves its parent's tree, which may finish the parent in turn, and so on up. A loop, not a
    // recursion: a chain of nodes that each wait only for their one child can be a million long. done is this node's Done
    // signal as read under the lock that decided to finish (one made later is made fulfilled, as _finished is set); the
    // signals are fulfilled outermost first, as the recursion did.
    private void Finish(Promise<VoidResult>? done)
    {
        Promise<VoidResult>? first = done;
        List<Promise<VoidResult>>? more = null;
        for (PromiseContext node = this; node.Parent is { } parent && parent.RemoveChild(node, out Promise<VoidResult>? parentDone); node = parent)
        {
            if (parentDone is null)
            {
                continue;
            }

            if (first is null)
            {
                first = parentDone;
            }
            else
            {
                (more ??= []).Add(parentDone);
            }
        }

        for (int i = (more?.Count ?? 0) - 1; i >= 0; i--)
        {
            more![i].TryFulfill(default);
        }

        first?.TryFulfill(default);
    }

    private void OnChildFailed(Promise child)
    {
        if (_rare?.Scope is not { } scope)
        {
            return;
        }

        lock (Gate)
        {
            (_rare.FailedChildren ??= []).Add(child);
        }

        if (scope.CancelsSiblingsOnError && child.Reason is not OperationCanceledException)
        {
            Cancel();
        }
    }

    // Links a new child; a child of a cancelled node is cancelled at once.
    internal void AddChild(PromiseContext child)
    {
        // The child is nobody else's yet, so its link can be written before the exchange publishes it. The exchange is a full
        // fence: a Cancel racing with it either finds the child when it links the incoming ones or is seen below.
        PromiseContext? incoming = Volatile.Read(ref _incomingChildren);
        while (true)
        {
            child._nextSibling = incoming;
            PromiseContext? seen = Interlocked.CompareExchange(ref _incomingChildren, child, incoming);
            if (seen == incoming)
            {
                break;
            }

            incoming = seen;
        }

        if (IsCancellationRequested)
        {
            child.Cancel();
        }
    }

    // Moves the children AddChild pushed since the last call to the front of the live list, in the same order (most recent
    // first), and marks them linked. Called under the lock before the live list is read or changed. A child's push happens
    // before it can be told that its promise settled (in its constructor, or — a method's node made on first need — before
    // the handshake that tells it), so a child being unlinked has always been linked by now.
    private void LinkIncomingChildren()
    {
        if (Volatile.Read(ref _incomingChildren) is null)
        {
            return;
        }

        PromiseContext first = Interlocked.Exchange(ref _incomingChildren, null)!;
        PromiseContext last = first;
        first._previousSibling = null;
        first._linked = true;
        while (last._nextSibling is { } next)
        {
            next._previousSibling = last;
            next._linked = true;
            last = next;
        }

        last._nextSibling = _firstChild;
        if (_firstChild is not null)
        {
            _firstChild._previousSibling = last;
        }

        _firstChild = first;
    }

    // Whether no child is live: none linked, none pushed and not yet linked (a push after this read comes after the
    // decision, as an AddChild after the lock was released did). Under the lock.
    private bool HasNoLiveChildren => _firstChild is null && Volatile.Read(ref _incomingChildren) is null;

    // Unlinks a finished child; returns whether that finished this node too (its caller, Finish, goes on with it), with
    // this node's Done signal as read under the lock that decided it.
    private bool RemoveChild(PromiseContext child, out Promise<VoidResult>? done)
    {
        bool finish;
        lock (Gate)
        {
            LinkIncomingChildren();
            if (!child._linked)
            {
                done = null;
                return false;
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
            finish = HasNoLiveChildren && _promiseSettled && _bodiesRunning == 0 && !_finished;
            _finished |= finish;
            done = finish ? _rare?.Done : null;
        }

        return finish;
    }

    private void CollectChildren(List<PromiseContext> result, bool recursive)
    {
        var children = new List<PromiseContext>();
        lock (Gate)
        {
            LinkIncomingChildren();
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
}
