namespace PromiseJs.Internal;

/// <summary>A promise that only adopts something (a thenable, a task, the promise a <c>Try</c> function returned); it runs no handler.</summary>
internal sealed class AdoptionReaction<T> : PromiseReaction<T>
{
    protected override void Execute(Promise source) => throw new System.Diagnostics.UnreachableException();
}
