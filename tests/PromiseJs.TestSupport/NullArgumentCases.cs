using System.Linq.Expressions;
using System.Reflection;

namespace PromiseJs.TestSupport;

/// <summary>
/// Finds every non-nullable reference parameter of the public constructors, methods and property setters of an assembly
/// (as <see cref="NullabilityInfoContext"/> reads its annotations) and calls each member with <see langword="null"/> for
/// that one parameter and a valid dummy for every other argument, so a test can check that the call throws
/// <see cref="ArgumentNullException"/> naming the parameter. Generic members are closed over <see cref="int"/> (or a type
/// that meets their constraints). A new public member is covered the moment it exists: it becomes a case of its own.
/// </summary>
public sealed class NullArgumentCases
{
    private readonly Dictionary<string, (MethodBase Member, ParameterInfo Parameter)> _cases = [];
    private readonly Func<Type, object?> _extraDummy;

    /// <summary>Collects the cases of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly whose exported types are searched.</param>
    /// <param name="extraDummy">Makes a dummy value (or instance) of a type the built-in list does not know, or returns
    /// <see langword="null"/> when it does not know it either.</param>
    /// <param name="skip">Types whose members are left out, each with the reason in the test that skips it.</param>
    public NullArgumentCases(Assembly assembly, Func<Type, object?> extraDummy, params Type[] skip)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _extraDummy = extraDummy;
        var nullability = new NullabilityInfoContext();
        foreach (Type type in assembly.GetExportedTypes())
        {
            // An interface's members are implemented by users (a foreign thenable), not called on the library's objects.
            if (type.IsInterface || skip.Contains(type) || typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            IEnumerable<MethodBase> members = type.GetConstructors()
                .Concat<MethodBase>(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly));
            foreach (MethodBase member in members)
            {
                if (member.IsAbstract)
                {
                    continue;
                }

                foreach (ParameterInfo parameter in member.GetParameters())
                {
                    Type parameterType = parameter.ParameterType;
                    bool testable = !parameterType.IsByRef && !parameterType.IsValueType && !parameterType.IsGenericParameter
                        && nullability.Create(parameter).WriteState == NullabilityState.NotNull;
                    if (testable)
                    {
                        _cases.Add(MemberKeys.Of(member, parameter), (member, parameter));
                    }
                }
            }
        }
    }

    /// <summary>Gets the cases, one per non-nullable reference parameter: the member's signature and the parameter's name.</summary>
    public IReadOnlyCollection<string> Keys => _cases.Keys;

    /// <summary>Calls the member of case <paramref name="key"/> with <see langword="null"/> for its parameter and judges what
    /// happened.</summary>
    /// <param name="key">One of <see cref="Keys"/>.</param>
    /// <returns><see langword="null"/> if the call threw <see cref="ArgumentNullException"/> whose
    /// <see cref="ArgumentException.ParamName"/> is the parameter and whose message names it; otherwise what went wrong,
    /// starting with the whole key.</returns>
    public string? Check(string key)
    {
        (string name, Action call) = Prepare(key);
        try
        {
            call();
        }
        catch (ArgumentNullException exception) when (exception.ParamName == name && exception.Message.Contains($"'{name}'", StringComparison.Ordinal))
        {
            return null;
        }
        catch (Exception exception)
        {
            return $"{key}: null threw {exception.GetType().Name} (ParamName '{(exception as ArgumentException)?.ParamName}'): {exception.Message}";
        }

        return $"{key}: null was accepted; expected an ArgumentNullException naming '{name}'.";
    }

    private (string ParameterName, Action Call) Prepare(string key)
    {
        (MethodBase member, ParameterInfo parameter) = _cases[key];
        MethodBase closed = Close(member, key);
        ParameterInfo[] parameters = closed.GetParameters();
        object?[] arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i].Position == parameter.Position ? null : Dummy(parameters[i], key);
        }

        object? instance = closed.IsStatic || closed is ConstructorInfo ? null : Dummy(closed.DeclaringType!, key);
        Action call = closed is ConstructorInfo constructor
            ? () => constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null)
            : () => closed.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        return (parameter.Name!, call);
    }

    private static MethodBase Close(MethodBase member, string key)
    {
        Type declaring = member.DeclaringType!;
        MethodBase closed = member;
        if (declaring.IsGenericTypeDefinition)
        {
            Type closedType = declaring.MakeGenericType([.. declaring.GetGenericArguments().Select(argument => Substitute(argument, key))]);
            closed = MethodBase.GetMethodFromHandle(member.MethodHandle, closedType.TypeHandle)!;
        }

        if (closed is MethodInfo { IsGenericMethodDefinition: true } method)
        {
            closed = method.MakeGenericMethod([.. method.GetGenericArguments().Select(argument => Substitute(argument, key))]);
        }

        return closed;
    }

    // A type argument that meets the parameter's constraints: int unless a constraint asks for something else.
    private static Type Substitute(Type genericParameter, string key)
    {
        Type[] constraints = genericParameter.GetGenericParameterConstraints();
        if (constraints.Any(constraint => typeof(Exception).IsAssignableFrom(constraint)))
        {
            return typeof(InvalidOperationException);
        }

        if (constraints.Length > 0)
        {
            throw new Xunit.Sdk.XunitException($"No type argument for {genericParameter.Name} of {key}: teach NullArgumentCases.Substitute its constraints.");
        }

        return (genericParameter.GenericParameterAttributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0
            ? typeof(string)
            : typeof(int);
    }

    private object? Dummy(ParameterInfo parameter, string key)
    {
        Type type = parameter.ParameterType;
        if (type.IsValueType)
        {
            if (parameter.HasDefaultValue && parameter.DefaultValue is not null)
            {
                return parameter.DefaultValue;
            }

            // A count or a number of attempts: 1 is valid wherever an int is, 0 is not.
            return type == typeof(int) ? 1 : Activator.CreateInstance(type);
        }

        return Dummy(type, key);
    }

    private object Dummy(Type type, string key)
    {
        object? known = KnownDummy(type) ?? _extraDummy(type);
        return known ?? throw new Xunit.Sdk.XunitException(
            $"No dummy value of type {type} for the other arguments (or the instance) of {key}: add one to the test's dummy factory.");
    }

    private static object? KnownDummy(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return DoNothing(type);
        }

        if (type == typeof(Promise))
        {
            return Promise.Resolve();
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Promise<>) || type.GetGenericTypeDefinition() == typeof(IThenable<>)))
        {
            return typeof(NullArgumentCases).GetMethod(nameof(Fulfilled), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, null);
        }

        if (type == typeof(Task))
        {
            return Task.CompletedTask;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(type.GetGenericArguments()[0])
                .Invoke(null, [Activator.CreateInstance(type.GetGenericArguments()[0])]);
        }

        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is { } definition
            && (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
        }

        return type switch
        {
            _ when type == typeof(string) => "dummy",
            _ when typeof(Exception).IsAssignableFrom(type) => new InvalidOperationException("A dummy argument."),
            _ when type == typeof(TimeProvider) => TimeProvider.System,
            _ when type == typeof(SynchronizationContext) => new SynchronizationContext(),
            _ when type == typeof(TaskScheduler) => TaskScheduler.Default,
            _ when type == typeof(object) => new object(),
            _ => null,
        };
    }

    private static Promise<T> Fulfilled<T>() => Promise.Resolve<T>(default(T)!);

    // A delegate of any shape that returns its return type's default (null for a promise: "nothing to adopt").
    private static Delegate DoNothing(Type delegateType)
    {
        MethodInfo invoke = delegateType.GetMethod("Invoke")!;
        ParameterExpression[] parameters = [.. invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name))];
        Expression body = invoke.ReturnType == typeof(void) ? Expression.Empty() : Expression.Default(invoke.ReturnType);
        return Expression.Lambda(delegateType, body, parameters).Compile();
    }
}
