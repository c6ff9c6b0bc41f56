using System.Diagnostics;
using System.Reflection;

namespace PromiseJs.Tests;

/// <summary>What a promise shows in a debugger and a log: <see cref="Promise.ToString"/>, <see cref="DebuggerDisplayAttribute"/>
/// and the <see cref="DebuggerTypeProxyAttribute"/> view.</summary>
public sealed class PromiseDebuggingTests
{
    [Fact]
    public void ToString_EachState_ShowsTheTypeTheStateAndTheValueOrReason()
    {
        var rejected = Promise.Reject<int>(new InvalidOperationException("boom"));
        rejected.Catch(_ => 0);

        Assert.Equal("Promise<int>: fulfilled 42", Promise.Resolve(42).ToString());
        Assert.Equal("Promise<string>: pending", Promise.WithResolvers<string>().Promise.ToString());
        Assert.Equal("Promise<int>: rejected InvalidOperationException: boom", rejected.ToString());
    }

    [Fact]
    public void ToString_ValueLessPromises_ShowNoValue()
    {
        Assert.Equal("Promise: fulfilled", Promise.Resolve().ToString());
        Assert.Equal("Promise: pending", Promise.WithResolvers().Promise.ToString());
        Promise derived = Promise.Resolve(1).Then(_ => { });
        derived.Wait();
        Assert.Equal("Promise: fulfilled", derived.ToString());
    }

    [Fact]
    public void ToString_DerivedPromise_ShowsThePublicTypeNotTheInternalOne()
    {
        Promise<string> derived = Promise.Resolve(2).Then(x => $"#{x}");
        derived.Wait();

        Assert.Equal("Promise<string>: fulfilled \"#2\"", derived.ToString());
    }

    [Fact]
    public void ToString_TypesAreSpelledAsInCSharp()
    {
        Assert.Equal("Promise<string[]>: fulfilled System.String[]", Promise.Resolve(new[] { "a" }).ToString());
        Assert.Equal("Promise<int?>: fulfilled null", Promise.Resolve((int?)null).ToString());
        Assert.Equal("Promise<(int, string)>: fulfilled (1, x)", Promise.Resolve((1, "x")).ToString());
        Assert.StartsWith("Promise<Dictionary<string, List<double>>>: fulfilled", Promise.Resolve(new Dictionary<string, List<double>>()).ToString(), StringComparison.Ordinal);
        Assert.Equal("Promise<string>: fulfilled null", Promise.Resolve((string)null!).ToString());
    }

    [Fact]
    public void ToString_Values_AreFormattedWithTheInvariantCultureAndShortened()
    {
        string longText = new('x', 300);

        Assert.Equal("Promise<double>: fulfilled 1.5", Promise.Resolve(1.5).ToString());
        string shown = Promise.Resolve(longText).ToString();
        Assert.True(shown.Length < 150, shown);
        Assert.EndsWith("…\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void DebuggerDisplay_OnBothPromiseTypes_ShowsWhatToStringShows()
    {
        foreach (Type type in new[] { typeof(Promise), typeof(Promise<>) })
        {
            var display = type.GetCustomAttribute<DebuggerDisplayAttribute>(inherit: false);
            Assert.NotNull(display);
            Assert.Equal("{DebuggerDisplay,nq}", display.Value);
        }

        PropertyInfo property = typeof(Promise).GetProperty("DebuggerDisplay", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.Equal("Promise<int>: fulfilled 3", property.GetValue(Promise.Resolve(3)));
    }

    [Fact]
    public void DebuggerTypeProxy_PromiseOfT_ShowsStateValueAndWaitingReactions()
    {
        var resolvers = Promise.WithResolvers<int>();
        resolvers.Promise.Then(x => x);
        resolvers.Promise.Then(x => x + 1);

        object pendingView = CreateView(resolvers.Promise);
        Assert.Equal(PromiseState.Pending, Read(pendingView, "State"));
        Assert.Equal(2, Read(pendingView, "WaitingReactions"));
        Assert.Equal(0, Read(pendingView, "Value"));

        resolvers.Resolve(11);
        object fulfilledView = CreateView(resolvers.Promise);
        Assert.Equal(PromiseState.Fulfilled, Read(fulfilledView, "State"));
        Assert.Equal(11, Read(fulfilledView, "Value"));
        Assert.Equal(0, Read(fulfilledView, "WaitingReactions"));
        Assert.Null(Read(fulfilledView, "Reason"));
    }

    [Fact]
    public void DebuggerTypeProxy_Rejected_ShowsTheReasonAndWhetherItWasObserved()
    {
        var reason = new FormatException();
        var rejected = Promise.Reject(reason);

        object unobservedView = CreateView(rejected);
        Assert.Same(reason, Read(unobservedView, "Reason"));
        Assert.Equal(false, Read(unobservedView, "IsRejectionObserved"));

        rejected.Catch(_ => { });
        Assert.Equal(true, Read(CreateView(rejected), "IsRejectionObserved"));
        Assert.Null(Read(CreateView(Promise.Resolve()), "IsRejectionObserved"));
    }

    private static object CreateView(Promise promise)
    {
        Type type = promise.GetType();
        while (type != typeof(Promise) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Promise<>)))
        {
            type = type.BaseType!;
        }

        var proxy = type.GetCustomAttribute<DebuggerTypeProxyAttribute>(inherit: false)!;
        Type proxyType = Type.GetType(proxy.ProxyTypeName, throwOnError: true)!;
        if (proxyType.IsGenericTypeDefinition)
        {
            proxyType = proxyType.MakeGenericType(type.GetGenericArguments());
        }

        return Activator.CreateInstance(proxyType, promise)!;
    }

    private static object? Read(object view, string property) =>
        view.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public)!.GetValue(view);
}
