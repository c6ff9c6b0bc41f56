using System.Reflection;

namespace PromiseJs.Tests;

/// <summary>
/// The contract's rule "a null executor, handler or function throws <see cref="ArgumentNullException"/> at the call", as a table:
/// one row per delegate parameter of every public method, keyed by the member's signature and the parameter's name.
/// A reflection test keeps the table complete: a new public overload taking a delegate fails it until it gets a row.
/// Every other non-nullable reference parameter is <see cref="NullArgumentTests"/>' job, and null elements, ranges and
/// misuse are <see cref="BadInputTests"/>'.
/// </summary>
public sealed class ArgumentValidationTests
{
    private static readonly Promise s_void = Promise.Resolve();
    private static readonly Promise<int> s_int = Promise.Resolve(1);

    private static readonly Dictionary<string, Action> s_calls = new()
    {
        // Promise (value-less)
        ["Promise.ctor(Action<Action, Action<Exception>>) executor"] = () => _ = new Promise(null!),
        ["Promise.Catch(Action<Exception>) onRejected"] = () => s_void.Catch((Action<Exception>)null!),
        ["Promise.Catch(Func<Exception, Promise>) onRejected"] = () => s_void.Catch((Func<Exception, Promise?>)null!),
        ["Promise.Catch(Func<Exception, Task>) onRejected"] = () => s_void.Catch((Func<Exception, Task?>)null!),
        ["Promise.Catch<TException>(Action<TException>) onRejected"] = () => s_void.Catch((Action<InvalidOperationException>)null!),
        ["Promise.Finally(Action) onFinally"] = () => s_void.Finally((Action)null!),
        ["Promise.Finally(Func<Promise>) onFinally"] = () => s_void.Finally((Func<Promise?>)null!),
        ["Promise.Finally(Func<Task>) onFinally"] = () => s_void.Finally((Func<Task?>)null!),
        ["Promise.Then(Action) onFulfilled"] = () => s_void.Then((Action)null!),
        ["Promise.Then<TResult>(Func<TResult>) onFulfilled"] = () => s_void.Then((Func<int>)null!),
        ["Promise.Then<TResult>(Func<Promise<TResult>>) onFulfilled"] = () => s_void.Then((Func<Promise<int>?>)null!),
        ["Promise.Then<TResult>(Func<Task<TResult>>) onFulfilled"] = () => s_void.Then((Func<Task<int>?>)null!),
        ["Promise.Then(Func<Promise>) onFulfilled"] = () => s_void.Then((Func<Promise?>)null!),
        ["Promise.Then(Func<Task>) onFulfilled"] = () => s_void.Then((Func<Task?>)null!),
        ["Promise.Then(Action, Action<Exception>) onFulfilled"] = () => s_void.Then(null!, (Action<Exception>)(_ => { })),
        ["Promise.Then(Action, Action<Exception>) onRejected"] = () => s_void.Then(() => { }, (Action<Exception>)null!),
        ["Promise.Then<TResult>(Func<TResult>, Func<Exception, TResult>) onFulfilled"] =
            () => s_void.Then(null!, (Func<Exception, int>)(_ => 0)),
        ["Promise.Then<TResult>(Func<TResult>, Func<Exception, TResult>) onRejected"] =
            () => s_void.Then(() => 0, (Func<Exception, int>)null!),
        ["Promise.Then<TResult>(Func<Promise<TResult>>, Func<Exception, Promise<TResult>>) onFulfilled"] =
            () => s_void.Then(null!, (Func<Exception, Promise<int>?>)(_ => null)),
        ["Promise.Then<TResult>(Func<Promise<TResult>>, Func<Exception, Promise<TResult>>) onRejected"] =
            () => s_void.Then(() => Promise.Resolve(0), (Func<Exception, Promise<int>?>)null!),
        ["Promise.Then<TResult>(Func<Task<TResult>>, Func<Exception, Task<TResult>>) onFulfilled"] =
            () => s_void.Then(null!, (Func<Exception, Task<int>?>)(_ => null)),
        ["Promise.Then<TResult>(Func<Task<TResult>>, Func<Exception, Task<TResult>>) onRejected"] =
            () => s_void.Then(() => Task.FromResult(0), (Func<Exception, Task<int>?>)null!),
        ["Promise.Then(Func<Promise>, Func<Exception, Promise>) onFulfilled"] =
            () => s_void.Then(null!, (Func<Exception, Promise?>)(_ => null)),
        ["Promise.Then(Func<Promise>, Func<Exception, Promise>) onRejected"] =
            () => s_void.Then(() => Promise.Resolve(), (Func<Exception, Promise?>)null!),
        ["Promise.Then(Func<Task>, Func<Exception, Task>) onFulfilled"] =
            () => s_void.Then(null!, (Func<Exception, Task?>)(_ => null)),
        ["Promise.Then(Func<Task>, Func<Exception, Task>) onRejected"] =
            () => s_void.Then(() => Task.CompletedTask, (Func<Exception, Task?>)null!),
        ["Promise.Try<T>(Func<T>) function"] = () => Promise.Try((Func<int>)null!),
        ["Promise.Try<T>(Func<Promise<T>>) function"] = () => Promise.Try((Func<Promise<int>?>)null!),
        ["Promise.Try<T>(Func<Task<T>>) function"] = () => Promise.Try((Func<Task<int>?>)null!),
        ["Promise.Try(Action) action"] = () => Promise.Try((Action)null!),
        ["Promise.Try(Func<Promise>) function"] = () => Promise.Try((Func<Promise?>)null!),
        ["Promise.Try(Func<Task>) function"] = () => Promise.Try((Func<Task?>)null!),
        ["Promise.Run<T>(Func<T>, PromiseContextOptions) function"] = () => Promise.Run((Func<int>)null!),
        ["Promise.Run<T>(Func<Promise<T>>, PromiseContextOptions) function"] = () => Promise.Run((Func<Promise<int>?>)null!),
        ["Promise.Run<T>(Func<Task<T>>, PromiseContextOptions) function"] = () => Promise.Run((Func<Task<int>?>)null!),
        ["Promise.Run(Action, PromiseContextOptions) action"] = () => Promise.Run((Action)null!),
        ["Promise.Run(Func<Promise>, PromiseContextOptions) function"] = () => Promise.Run((Func<Promise?>)null!),
        ["Promise.Run(Func<Task>, PromiseContextOptions) function"] = () => Promise.Run((Func<Task?>)null!),
        ["Promise.Map<TItem, T>(IEnumerable<TItem>, Func<TItem, Promise<T>>, Int32, CancellationToken) mapper"] =
            () => Promise.Map([1], (Func<int, Promise<int>>)null!),
        ["Promise.MapSeries<TItem, T>(IEnumerable<TItem>, Func<TItem, Promise<T>>, CancellationToken) mapper"] =
            () => Promise.MapSeries([1], (Func<int, Promise<int>>)null!),
        ["Promise.Each<TItem>(IEnumerable<TItem>, Func<TItem, Promise>, CancellationToken) action"] =
            () => Promise.Each([1], (Func<int, Promise?>)null!),
        ["Promise.Reduce<TItem, TAccumulate>(IEnumerable<TItem>, Func<TAccumulate, TItem, Promise<TAccumulate>>, TAccumulate, CancellationToken) reducer"] =
            () => Promise.Reduce([1], (Func<int, int, Promise<int>?>)null!, 0),
        ["Promise.Retry<T>(Func<Promise<T>>, Int32, CancellationToken) factory"] = () => Promise.Retry((Func<Promise<int>?>)null!, 1),
        ["Promise.Retry<T>(Func<Promise<T>>, Int32, Func<Int32, TimeSpan>, TimeProvider, CancellationToken) factory"] =
            () => Promise.Retry((Func<Promise<int>?>)null!, 1, _ => TimeSpan.Zero),
        ["Promise.Retry<T>(Func<Promise<T>>, Int32, Func<Int32, TimeSpan>, TimeProvider, CancellationToken) backoff"] =
            () => Promise.Retry(() => s_int, 1, (Func<int, TimeSpan>)null!),
        ["PromiseContext.Wrap<T>(Func<Promise<T>>, PromiseContextOptions) function"] = () => PromiseJs.Context.PromiseContext.Wrap((Func<Promise<int>>)null!),
        ["PromiseContext.Wrap(Func<Promise>, PromiseContextOptions) function"] = () => PromiseJs.Context.PromiseContext.Wrap((Func<Promise>)null!),

        // Promise<T>
        ["Promise<T>.ctor(Action<Action<T>, Action<Exception>>) executor"] = () => _ = new Promise<int>(null!),
        ["Promise<T>.Catch(Func<Exception, T>) onRejected"] = () => s_int.Catch((Func<Exception, int>)null!),
        ["Promise<T>.Catch(Func<Exception, Promise<T>>) onRejected"] = () => s_int.Catch((Func<Exception, Promise<int>?>)null!),
        ["Promise<T>.Catch(Func<Exception, Task<T>>) onRejected"] = () => s_int.Catch((Func<Exception, Task<int>?>)null!),
        ["Promise<T>.Catch<TException>(Func<TException, T>) onRejected"] =
            () => s_int.Catch((Func<InvalidOperationException, int>)null!),
        ["Promise<T>.Catch<TException>(Func<TException, Promise<T>>) onRejected"] =
            () => s_int.Catch((Func<InvalidOperationException, Promise<int>?>)null!),
        ["Promise<T>.Finally(Action) onFinally"] = () => s_int.Finally((Action)null!),
        ["Promise<T>.Finally(Func<Promise>) onFinally"] = () => s_int.Finally((Func<Promise?>)null!),
        ["Promise<T>.Finally(Func<Task>) onFinally"] = () => s_int.Finally((Func<Task?>)null!),
        ["Promise<T>.Then<TResult>(Func<T, TResult>) onFulfilled"] = () => s_int.Then((Func<int, string>)null!),
        ["Promise<T>.Then<TResult>(Func<T, Promise<TResult>>) onFulfilled"] = () => s_int.Then((Func<int, Promise<string>?>)null!),
        ["Promise<T>.Then<TResult>(Func<T, IThenable<TResult>>) onFulfilled"] = () => s_int.Then((Func<int, IThenable<string>?>)null!),
        ["Promise<T>.Then<TResult>(Func<T, Task<TResult>>) onFulfilled"] = () => s_int.Then((Func<int, Task<string>?>)null!),
        ["Promise<T>.Then(Action<T>) onFulfilled"] = () => s_int.Then((Action<int>)null!),
        ["Promise<T>.Then(Func<T, Promise>) onFulfilled"] = () => s_int.Then((Func<int, Promise?>)null!),
        ["Promise<T>.Then(Func<T, Task>) onFulfilled"] = () => s_int.Then((Func<int, Task?>)null!),
        ["Promise<T>.Then<TResult>(Func<T, TResult>, Func<Exception, TResult>) onFulfilled"] =
            () => s_int.Then(null!, (Func<Exception, string>)(_ => "")),
        ["Promise<T>.Then<TResult>(Func<T, TResult>, Func<Exception, TResult>) onRejected"] =
            () => s_int.Then(x => "", (Func<Exception, string>)null!),
        ["Promise<T>.Then<TResult>(Func<T, Promise<TResult>>, Func<Exception, Promise<TResult>>) onFulfilled"] =
            () => s_int.Then(null!, (Func<Exception, Promise<string>?>)(_ => null)),
        ["Promise<T>.Then<TResult>(Func<T, Promise<TResult>>, Func<Exception, Promise<TResult>>) onRejected"] =
            () => s_int.Then(x => Promise.Resolve(""), (Func<Exception, Promise<string>?>)null!),
        ["Promise<T>.Then<TResult>(Func<T, IThenable<TResult>>, Func<Exception, IThenable<TResult>>) onFulfilled"] =
            () => s_int.Then(null!, (Func<Exception, IThenable<string>?>)(_ => null)),
        ["Promise<T>.Then<TResult>(Func<T, IThenable<TResult>>, Func<Exception, IThenable<TResult>>) onRejected"] =
            () => s_int.Then((Func<int, IThenable<string>?>)(x => null), (Func<Exception, IThenable<string>?>)null!),
        ["Promise<T>.Then<TResult>(Func<T, Task<TResult>>, Func<Exception, Task<TResult>>) onFulfilled"] =
            () => s_int.Then(null!, (Func<Exception, Task<string>?>)(_ => null)),
        ["Promise<T>.Then<TResult>(Func<T, Task<TResult>>, Func<Exception, Task<TResult>>) onRejected"] =
            () => s_int.Then(x => Task.FromResult(""), (Func<Exception, Task<string>?>)null!),
        ["Promise<T>.Then(Action<T>, Action<Exception>) onFulfilled"] = () => s_int.Then(null!, (Action<Exception>)(_ => { })),
        ["Promise<T>.Then(Action<T>, Action<Exception>) onRejected"] = () => s_int.Then(x => { }, (Action<Exception>)null!),
        ["Promise<T>.Then(Func<T, Promise>, Func<Exception, Promise>) onFulfilled"] =
            () => s_int.Then(null!, (Func<Exception, Promise?>)(_ => null)),
        ["Promise<T>.Then(Func<T, Promise>, Func<Exception, Promise>) onRejected"] =
            () => s_int.Then((Func<int, Promise?>)(x => null), (Func<Exception, Promise?>)null!),
        ["Promise<T>.Then(Func<T, Task>, Func<Exception, Task>) onFulfilled"] =
            () => s_int.Then(null!, (Func<Exception, Task?>)(_ => null)),
        ["Promise<T>.Then(Func<T, Task>, Func<Exception, Task>) onRejected"] =
            () => s_int.Then((Func<int, Task?>)(x => null), (Func<Exception, Task?>)null!),
        ["Promise<T>.Select<TResult>(Func<T, TResult>) selector"] = () => s_int.Select((Func<int, string>)null!),
        ["Promise<T>.Select<TResult>(Func<T, Promise<TResult>>) selector"] = () => s_int.Select((Func<int, Promise<string>?>)null!),
        ["Promise<T>.SelectMany<TResult>(Func<T, Promise<TResult>>) selector"] = () => s_int.SelectMany((Func<int, Promise<string>?>)null!),
        ["Promise<T>.SelectMany<TCollection, TResult>(Func<T, Promise<TCollection>>, Func<T, TCollection, TResult>) collectionSelector"] =
            () => s_int.SelectMany((Func<int, Promise<string>?>)null!, (a, b) => a + b),
        ["Promise<T>.SelectMany<TCollection, TResult>(Func<T, Promise<TCollection>>, Func<T, TCollection, TResult>) resultSelector"] =
            () => s_int.SelectMany(x => Promise.Resolve(""), (Func<int, string, string>)null!),
        ["Promise<T>.Where(Func<T, Boolean>) predicate"] = () => s_int.Where(null!),

        // PromiseLoop
        ["PromiseLoop.Run(Func<Promise>) main"] = () => PromiseLoop.Run((Func<Promise>)null!),
        ["PromiseLoop.Run<T>(Func<Promise<T>>) main"] = () => PromiseLoop.Run((Func<Promise<int>>)null!),
        ["PromiseLoop.Run(Func<Task>) main"] = () => PromiseLoop.Run((Func<Task>)null!),
        ["PromiseLoop.Run<T>(Func<Task<T>>) main"] = () => PromiseLoop.Run((Func<Task<int>>)null!),
        ["PromiseLoop.Run(Func<Promise>, CancellationToken) main"] = () => PromiseLoop.Run((Func<Promise>)null!, CancellationToken.None),
        ["PromiseLoop.Run<T>(Func<Promise<T>>, CancellationToken) main"] = () => PromiseLoop.Run((Func<Promise<int>>)null!, CancellationToken.None),
        ["PromiseLoop.Run(Func<Task>, CancellationToken) main"] = () => PromiseLoop.Run((Func<Task>)null!, CancellationToken.None),
        ["PromiseLoop.Run<T>(Func<Task<T>>, CancellationToken) main"] = () => PromiseLoop.Run((Func<Task<int>>)null!, CancellationToken.None),
        ["PromiseLoop.QueueMicrotask(Action) callback"] = () => PromiseLoop.QueueMicrotask(null!),
        ["PromiseLoop.SetTimeout(Action, Int32) callback"] = () => PromiseLoop.SetTimeout(null!, 0),
        ["PromiseLoop.SetTimeout(Action, TimeSpan, TimeProvider) callback"] =
            () => PromiseLoop.SetTimeout(null!, TimeSpan.Zero, TimeProvider.System),
        ["PromiseLoop.SetImmediate(Action) callback"] = () => PromiseLoop.SetImmediate(null!),

        // Awaiters (what the compiler calls for `await`)
        ["PromiseAwaiter.OnCompleted(Action) continuation"] = () => s_void.GetAwaiter().OnCompleted(null!),
        ["PromiseAwaiter.UnsafeOnCompleted(Action) continuation"] = () => s_void.GetAwaiter().UnsafeOnCompleted(null!),
        ["PromiseAwaiter<T>.OnCompleted(Action) continuation"] = () => s_int.GetAwaiter().OnCompleted(null!),
        ["PromiseAwaiter<T>.UnsafeOnCompleted(Action) continuation"] = () => s_int.GetAwaiter().UnsafeOnCompleted(null!),
    };

    public static TheoryData<string> DelegateParameters => [.. s_calls.Keys];

    [Theory]
    [MemberData(nameof(DelegateParameters))]
    public void PublicMethod_NullDelegate_ThrowsArgumentNullExceptionNamingTheParameter(string member)
    {
        var exception = Assert.Throws<ArgumentNullException>(s_calls[member]);

        Assert.Equal(member[(member.LastIndexOf(' ') + 1)..], exception.ParamName);
    }

    [Fact]
    public void NullDelegateTable_CoversEveryPublicDelegateParameter()
    {
        var missing = new List<string>();
        foreach (Type type in typeof(Promise).Assembly.GetExportedTypes())
        {
            if (type.IsInterface)
            {
                // IThenable<T>.Then is implemented by foreign thenables, not called on ours.
                continue;
            }

            IEnumerable<MethodBase> members = type.GetConstructors()
                .Concat<MethodBase>(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(member => member is ConstructorInfo || !member.IsSpecialName);
            foreach (MethodBase member in members)
            {
                foreach (ParameterInfo parameter in member.GetParameters())
                {
                    if (typeof(Delegate).IsAssignableFrom(parameter.ParameterType) && !s_calls.ContainsKey(Key(member, parameter)))
                    {
                        missing.Add(Key(member, parameter));
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "No null-argument row for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void NullDelegateTable_EveryRowNamesAnExistingParameter()
    {
        var existing = new HashSet<string>();
        foreach (Type type in typeof(Promise).Assembly.GetExportedTypes())
        {
            foreach (MethodBase member in type.GetConstructors()
                .Concat<MethodBase>(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
            {
                foreach (ParameterInfo parameter in member.GetParameters())
                {
                    existing.Add(Key(member, parameter));
                }
            }
        }

        string[] stale = [.. s_calls.Keys.Where(key => !existing.Contains(key))];
        Assert.True(stale.Length == 0, "Rows for members that do not exist:\n" + string.Join("\n", stale));
    }

    private static string Key(MethodBase member, ParameterInfo parameter) => MemberKeys.Of(member, parameter);
}
