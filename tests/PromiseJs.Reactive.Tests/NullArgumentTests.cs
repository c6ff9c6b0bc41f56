using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace PromiseJs.Reactive.Tests;

/// <summary>
/// Every non-nullable reference parameter of every public member of PromiseJs.Reactive, found by reflection, called with
/// <see langword="null"/> (and valid dummies for the other arguments, inside a loop so a <see cref="PromiseLoopScheduler"/>
/// can be made): each throws <see cref="ArgumentNullException"/> at the call, naming that parameter.
/// </summary>
public sealed class NullArgumentTests
{
    private static readonly NullArgumentCases s_cases = new(typeof(PromiseLoopScheduler).Assembly, Dummy);

    public static TheoryData<string> Parameters => [.. s_cases.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Parameters))]
    public void PublicMember_NullForNonNullableParameter_ThrowsArgumentNullExceptionNamingIt(string parameter)
    {
        string? failure = PromiseLoop.Run(() => Promise.Resolve(s_cases.Check(parameter)));

        if (failure is not null)
        {
            Assert.Fail(failure);
        }
    }

    [Fact]
    public void Parameters_CoverTheKnownNonNullableParameters()
    {
        Assert.Contains("PromiseObservableExtensions.ToPromise<T>(IObservable<T>) source", s_cases.Keys);
        Assert.Contains("PromiseLoopScheduler.Schedule<TState>(TState, TimeSpan, Func<IScheduler, TState, IDisposable>) action", s_cases.Keys);
        Assert.Contains("PromiseSchedulerExtensions.ToPromiseScheduler(IScheduler) scheduler", s_cases.Keys);
    }

    private static object? Dummy(Type type) => type switch
    {
        _ when type == typeof(PromiseLoopScheduler) => PromiseLoopScheduler.Current,
        _ when type == typeof(IScheduler) => ImmediateScheduler.Instance,
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IObservable<>) =>
            typeof(Observable).GetMethod(nameof(Observable.Empty), 1, Type.EmptyTypes)!
                .MakeGenericMethod(type.GetGenericArguments()).Invoke(null, null),
        _ => null,
    };
}
