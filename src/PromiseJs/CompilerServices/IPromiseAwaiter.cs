namespace PromiseJs.CompilerServices;

/// <summary>An awaiter of one of this library's promises, which the promise method builders recognise so that an
/// <c>async Promise</c> method awaiting a promise is resumed by its own state machine box (see
/// <see cref="StateMachineBox{TStateMachine}.AwaitPromise"/>) instead of through a continuation delegate.</summary>
internal interface IPromiseAwaiter
{
    Promise AwaitedPromise { get; }

    ConfigureAwaitOptions AwaitOptions { get; }
}
