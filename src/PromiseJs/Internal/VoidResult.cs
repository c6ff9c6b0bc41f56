namespace PromiseJs.Internal;

/// <summary>The value of a promise of no value: every value-less promise is internally a <c>Promise&lt;VoidResult&gt;</c> or a plain <see cref="Promise"/>.</summary>
internal readonly struct VoidResult
{
}
