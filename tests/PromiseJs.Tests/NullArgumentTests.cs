using System.Runtime.CompilerServices;
using PromiseJs.CompilerServices;
using PromiseJs.Context;
using PromiseJs.Scheduling;

namespace PromiseJs.Tests;

/// <summary>
/// Every non-nullable reference parameter of every public constructor, method and property setter of PromiseJs, found by
/// reflection and read through its nullable annotations, called with <see langword="null"/> (and valid dummies for the other
/// arguments): each throws <see cref="ArgumentNullException"/> at the call, naming that parameter. A new public member is a
/// new row the moment it compiles, so it cannot ship without its check.
/// </summary>
public sealed class NullArgumentTests
{
    // PromiseContextException: an exception's constructors take a null message, as the BCL's do (the default message).
    private static readonly NullArgumentCases s_cases = new(typeof(Promise).Assembly, Dummy, typeof(PromiseContextException));

    public static TheoryData<string> Parameters => [.. s_cases.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Parameters))]
    public void PublicMember_NullForNonNullableParameter_ThrowsArgumentNullExceptionNamingIt(string parameter)
    {
        // The verdict names the whole member: xunit cuts a long theory argument short in the test's display name.
        if (s_cases.Check(parameter) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    [Fact]
    public void Parameters_CoverTheKnownNonNullableParameters()
    {
        // A sanity check of the reflection: it must see the parameters every kind of member has.
        Assert.Contains("Promise.ctor(Action<Action, Action<Exception>>) executor", s_cases.Keys);
        Assert.Contains("Promise.Reject(Exception) reason", s_cases.Keys);
        Assert.Contains("Promise<T>.Then<TResult>(Func<T, TResult>) onFulfilled", s_cases.Keys);
        Assert.Contains("Promise.All<T>(IEnumerable<Promise<T>>) promises", s_cases.Keys);
        Assert.Contains("PromiseExtensions.Timeout(Promise, TimeSpan, TimeProvider, CancellationToken) timeProvider", s_cases.Keys);
        Assert.Contains("PromiseMethodBuilder.SetException(Exception) exception", s_cases.Keys);
        Assert.DoesNotContain("Promise.Resolve<T>(T) value", s_cases.Keys);
        Assert.DoesNotContain("Promise.Delay(TimeSpan, TimeProvider, CancellationToken) timeProvider", s_cases.Keys);
    }

    private static object? Dummy(Type type) => type switch
    {
        _ when type == typeof(PromiseContext) => new PromiseContext(new PromiseContextOptions { Orphan = true, Name = "dummy" }),
        _ when type == typeof(PromiseAwaiter) => Promise.Resolve().GetAwaiter(),
        _ when type == typeof(PromiseAwaiter<int>) => Promise.Resolve(1).GetAwaiter(),
        _ when type == typeof(PromiseMethodBuilder) => PromiseMethodBuilder.Create(),
        _ when type == typeof(PromiseMethodBuilder<int>) => PromiseMethodBuilder<int>.Create(),
        _ when type == typeof(IAsyncStateMachine) => new NoStateMachine(),
        _ when type == typeof(PromiseScheduler) => PromiseScheduler.ThreadPool,
        _ when type == typeof(PromiseContextOptions) => new PromiseContextOptions(),
        _ when type == typeof(PromiseScopeOptions) => new PromiseScopeOptions(),
        _ => null,
    };

    private sealed class NoStateMachine : IAsyncStateMachine
    {
        public void MoveNext()
        {
        }

        public void SetStateMachine(IAsyncStateMachine stateMachine)
        {
        }
    }
}
