using System.Runtime.CompilerServices;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The kinds of <c>x</c> of 2.3.3.1 ("Let <c>then</c> be <c>x.then</c>"), in C# forms: the suite's "object with null
/// prototype", "object with normal Object.prototype" and "function" become a class that implements the interface
/// explicitly, a class that inherits its <c>Then</c>, and a struct behind the interface. Each fulfills synchronously
/// with <c>default</c> and counts its <c>Then</c> calls.
/// </summary>
internal static class ThenableShapes
{
    public const string Explicit = "a class implementing IThenable<T> explicitly (an object with null prototype)";
    public const string Inherited = "a class inheriting its Then (an object with normal Object.prototype)";
    public const string BoxedStruct = "a struct behind the interface (a function: another kind of value)";

    public static IReadOnlyList<string> Names { get; } = [Explicit, Inherited, BoxedStruct];

    public static IThenable<T> Create<T>(string name, StrongBox<int> thenCalls) => name switch
    {
        Explicit => new ExplicitThenable<T>(thenCalls),
        Inherited => new InheritedThenable<T>(thenCalls),
        BoxedStruct => new StructThenable<T>(thenCalls),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a thenable shape"),
    };

    private sealed class ExplicitThenable<T> : IThenable<T>
    {
        private readonly StrongBox<int> _thenCalls;

        public ExplicitThenable(StrongBox<int> thenCalls)
        {
            _thenCalls = thenCalls;
        }

        void IThenable<T>.Then(Action<T> onFulfilled, Action<Exception> onRejected)
        {
            Interlocked.Increment(ref _thenCalls.Value);
            onFulfilled(default!);
        }
    }

    private class ThenableBase<T> : IThenable<T>
    {
        private readonly StrongBox<int> _thenCalls;

        protected ThenableBase(StrongBox<int> thenCalls)
        {
            _thenCalls = thenCalls;
        }

        public void Then(Action<T> onFulfilled, Action<Exception> onRejected)
        {
            Interlocked.Increment(ref _thenCalls.Value);
            onFulfilled(default!);
        }
    }

    private sealed class InheritedThenable<T> : ThenableBase<T>
    {
        public InheritedThenable(StrongBox<int> thenCalls)
            : base(thenCalls)
        {
        }
    }

    private readonly struct StructThenable<T> : IThenable<T>
    {
        private readonly StrongBox<int> _thenCalls;

        public StructThenable(StrongBox<int> thenCalls)
        {
            _thenCalls = thenCalls;
        }

        public void Then(Action<T> onFulfilled, Action<Exception> onRejected)
        {
            Interlocked.Increment(ref _thenCalls.Value);
            onFulfilled(default!);
        }
    }
}
