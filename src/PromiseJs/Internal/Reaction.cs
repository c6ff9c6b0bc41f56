namespace PromiseJs.Internal;

/// <summary>A reaction that is not itself a promise: an await continuation, a blocking wait, a combinator element, a timer.</summary>
internal abstract class Reaction
{
    /// <summary>Called synchronously, on the settling thread, when the promise it is registered on settles.</summary>
    public abstract void OnSettled(Promise source);

    /// <summary>Runs the reaction as a queued job, when its <see cref="OnSettled"/> queued it.</summary>
    public virtual void RunJob(Promise? source) => throw new System.Diagnostics.UnreachableException();
}
