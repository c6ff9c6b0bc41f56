using PromiseJs.Internal;

namespace PromiseJs.Context;

/// <summary>
/// The state only some <see cref="PromiseContext"/> nodes need — a cancellation token somebody asked for, an external token,
/// a clock other than the system's, the signals somebody waits for, a scope's failures — kept apart so every other node
/// (every <c>async Promise</c> call) stays small; made on first need (as <see cref="Task"/> keeps its contingent
/// properties), never dropped.
/// </summary>
internal sealed class RareNodeState
{
    // Fields, not properties: read with Volatile.Read, written under the node's lock (as StateMachineBox exposes its state
    // machine, a plain holder with no behaviour of its own).

    // Created on first use of PromiseContext.CancellationToken; cancellation itself walks the tree.
    public CancellationTokenSource? Cancellation;

    // The token of PromiseContextOptions.CancellationToken (set at creation, only when it can be cancelled).
    public CancellationToken ExternalToken;

    // The clock, when it is not TimeProvider.System (set at creation).
    public TimeProvider? TimeProvider;

    // Fulfilled when the node's promise has settled / when the node is done; created when somebody waits.
    public Promise<VoidResult>? SettledSignal;
    public Promise<VoidResult>? Done;

    // Set for the context of a PromiseScope, which collects its children's failures.
    public PromiseScope? Scope;
    public List<Promise>? FailedChildren;
}
