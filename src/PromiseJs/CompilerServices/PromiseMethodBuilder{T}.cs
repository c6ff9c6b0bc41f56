using System.ComponentModel;
using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs.CompilerServices;

/// <summary>Builds the <see cref="Promise{T}"/> of an <c>async Promise&lt;T&gt;</c> method: calling the method runs it at
/// once (like a JavaScript async function) as a new node of the promise tree, a child of the caller's context. Used by the
/// compiler; not meant to be called directly.</summary>
/// <typeparam name="T">The method's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct PromiseMethodBuilder<T>
{
    private WorkPromise<T>? _promise;

    /// <summary>Gets the promise the method returns.</summary>
    public readonly Promise<T> Task => _promise!;

    /// <summary>Creates a builder.</summary>
    public static PromiseMethodBuilder<T> Create() => default;

    /// <summary>Runs the method until its first await, with its new node current.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        PromiseMethodBuilderCore.Start(ref _promise, ref stateMachine);
    }

    /// <summary>Not used: the state machine is boxed by the builder itself.</summary>
#pragma warning disable CA1822 // The compiler calls it on the builder instance; it must be an instance method.
    public readonly void SetStateMachine(IAsyncStateMachine stateMachine) => ArgumentNullException.ThrowIfNull(stateMachine);
#pragma warning restore CA1822

    /// <summary>Fulfills the promise with the method's result.</summary>
    public readonly void SetResult(T result) => _promise!.TrySettleFulfilled(result);

    /// <summary>Rejects the promise with what the method threw.</summary>
    public readonly void SetException(Exception exception)
    {
        PromiseMethodBuilderCore.SetException(_promise!, exception);
    }

    /// <summary>Schedules the state machine to resume when the awaiter completes.</summary>
    public readonly void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine =>
        awaiter.OnCompleted(PromiseMethodBuilderCore.GetBox(_promise!, ref stateMachine).MoveNextAction);

    /// <summary>Schedules the state machine to resume when the awaiter completes.</summary>
    public readonly void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine =>
        awaiter.UnsafeOnCompleted(PromiseMethodBuilderCore.GetBox(_promise!, ref stateMachine).MoveNextAction);
}
