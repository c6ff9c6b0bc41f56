namespace PromiseJs.Internal;

/// <summary>
/// A reaction that runs no handler of its own: an await continuation, a blocking wait, a combinator element, a timer, a
/// posted callback. It derives from <see cref="Promise"/> only so that every reaction and every queued job is a
/// <see cref="Promise"/>: dispatching one is a virtual call, never a type test (its promise state is unused).
/// </summary>
internal abstract class Reaction : Promise
{
}
