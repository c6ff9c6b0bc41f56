using System.Reflection;

namespace PromiseJs.TestSupport;

/// <summary>
/// Names a parameter of a public member the way the argument tables key their rows:
/// <c>Promise&lt;T&gt;.Then&lt;TResult&gt;(Func&lt;T, TResult&gt;) onFulfilled</c> (C# spelling of generics, short type names).
/// </summary>
public static class MemberKeys
{
    /// <summary>Gets the key of <paramref name="parameter"/> of <paramref name="member"/>.</summary>
    public static string Of(MethodBase member, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(parameter);
        return Of(member) + " " + parameter.Name;
    }

    /// <summary>Gets the signature part of a key: the declaring type, the name, the type parameters and the parameter types.</summary>
    public static string Of(MethodBase member)
    {
        ArgumentNullException.ThrowIfNull(member);
        string name = member is ConstructorInfo ? "ctor" : member.Name;
        string typeArguments = member.IsGenericMethodDefinition
            ? "<" + string.Join(", ", member.GetGenericArguments().Select(Render)) + ">"
            : "";
        string parameters = string.Join(", ", member.GetParameters().Select(p => Render(p.ParameterType)));
        return $"{Render(member.DeclaringType!)}.{name}{typeArguments}({parameters})";
    }

    /// <summary>Renders a type as C# would, without namespaces: <c>Func&lt;T, Promise&lt;TResult&gt;&gt;</c>.</summary>
    public static string Render(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsByRef)
        {
            return Render(type.GetElementType()!) + "&";
        }

        if (type.IsArray)
        {
            return Render(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter || !type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Render)) + ">";
    }
}
