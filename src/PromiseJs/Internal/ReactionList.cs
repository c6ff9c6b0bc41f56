namespace PromiseJs.Internal;

/// <summary>The reactions of a promise when there are two or more; locked while adding and while dispatching.</summary>
internal sealed class ReactionList : List<Promise>
{
}
