using System.ComponentModel;
using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs.CompilerServices;

/// <summary>Builds the <see cref="Promise"/> of an <c>async Promise</c> method: calling the method runs it at once (like a
/// JavaScript async function) as a new node of the promise tree, a child of the caller's context. Used by the compiler;
/// not meant to be called directly.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct PromiseMethodBuilder
{
    private WorkPromise<VoidResult>? _promise;

    /// <summary>Gets the promise the method returns.</summary>
    public readonly Promise Task => _promise!;

    /// <summary>Creates a builder.</summary>
    /// <returns>A builder for one call of the method.</returns>
    public static PromiseMethodBuilder Create() => default;

    /// <summary>Runs the method until its first await, with its new node current.</summary>
    /// <typeparam name="TStateMachine">The compiler-generated state machine type.</typeparam>
    /// <param name="stateMachine">The method's state machine, run to its first await (or its end) inside this call;
    /// under a cancelled context it does not run, and the promise rejects with <see cref="OperationCanceledException"/>.</param>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        PromiseMethodBuilderCore.Start(ref _promise, ref stateMachine);
    }

    /// <summary>Not used: the state machine is boxed by the builder itself.</summary>
    /// <param name="stateMachine">The boxed state machine; ignored.</param>
#pragma warning disable CA1822 // The compiler calls it on the builder instance; it must be an instance method.
    public readonly void SetStateMachine(IAsyncStateMachine stateMachine) => ArgumentNullException.ThrowIfNull(stateMachine);
#pragma warning restore CA1822

    /// <summary>Fulfills the promise.</summary>
    public readonly void SetResult() => _promise!.TrySettleFulfilled(default);

    /// <summary>Rejects the promise with what the method threw.</summary>
    /// <param name="exception">The exception the method threw; the promise rejects with it, unless it has already
    /// settled (its node was cancelled).</param>
    public readonly void SetException(Exception exception)
    {
        PromiseMethodBuilderCore.SetException(_promise!, exception);
    }

    /// <summary>Schedules the state machine to resume when the awaiter completes.</summary>
    /// <typeparam name="TAwaiter">The type of the awaiter of the awaited value.</typeparam>
    /// <typeparam name="TStateMachine">The compiler-generated state machine type.</typeparam>
    /// <param name="awaiter">The awaiter of the value being awaited; not yet completed.</param>
    /// <param name="stateMachine">The method's state machine, boxed at its first such await and resumed, with the
    /// method's node current, when <paramref name="awaiter"/> completes.</param>
    public readonly void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine =>
        awaiter.OnCompleted(PromiseMethodBuilderCore.GetBox(_promise!, ref stateMachine).MoveNextAction);

    /// <summary>Schedules the state machine to resume when the awaiter completes.</summary>
    /// <typeparam name="TAwaiter">The type of the awaiter of the awaited value.</typeparam>
    /// <typeparam name="TStateMachine">The compiler-generated state machine type.</typeparam>
    /// <param name="awaiter">The awaiter of the value being awaited; not yet completed.</param>
    /// <param name="stateMachine">The method's state machine, boxed at its first such await and resumed, with the
    /// method's node current, when <paramref name="awaiter"/> completes.</param>
    public readonly void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine =>
        PromiseMethodBuilderCore.AwaitUnsafeOnCompleted(_promise!, ref awaiter, ref stateMachine);
}
