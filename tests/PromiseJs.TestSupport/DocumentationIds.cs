using System.Reflection;

namespace PromiseJs.TestSupport;

/// <summary>
/// Computes the documentation ID (the <c>name</c> of a <c>&lt;member&gt;</c> in a compiler-written XML documentation
/// file, ECMA-334 annex D) of a reflected type or member: <c>T:PromiseJs.Promise`1</c>,
/// <c>M:PromiseJs.Promise`1.Then``1(System.Func{`0,``0})</c>, <c>P:…</c>, <c>E:…</c>, <c>F:…</c>.
/// </summary>
public static class DocumentationIds
{
    /// <summary>Gets the documentation ID of a type definition.</summary>
    public static string Of(Type type) => "T:" + DefinitionName(type);

    /// <summary>Gets the documentation ID of a method, constructor or operator of a type definition.</summary>
    public static string Of(MethodBase method)
    {
        var id = "M:" + DefinitionName(method.DeclaringType!) + "." + method.Name.Replace('.', '#');
        if (method.IsGenericMethodDefinition)
        {
            id += "``" + method.GetGenericArguments().Length;
        }

        id += Parameters(method.GetParameters());
        if (method is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion)
        {
            id += "~" + Reference(conversion.ReturnType);
        }

        return id;
    }

    /// <summary>Gets the documentation ID of a property or indexer.</summary>
    public static string Of(PropertyInfo property) =>
        "P:" + DefinitionName(property.DeclaringType!) + "." + property.Name.Replace('.', '#') + Parameters(property.GetIndexParameters());

    /// <summary>Gets the documentation ID of an event.</summary>
    public static string Of(EventInfo @event) => "E:" + DefinitionName(@event.DeclaringType!) + "." + @event.Name.Replace('.', '#');

    /// <summary>Gets the documentation ID of a field or enum value.</summary>
    public static string Of(FieldInfo field) => "F:" + DefinitionName(field.DeclaringType!) + "." + field.Name;

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0
            ? string.Empty
            : "(" + string.Join(",", parameters.Select(parameter => Reference(parameter.ParameterType))) + ")";

    // A type definition by name, generic arity kept as the backtick suffix: PromiseJs.Promise`1, Outer.Inner.
    private static string DefinitionName(Type type) =>
        type.DeclaringType is { } outer ? DefinitionName(outer) + "." + type.Name : Qualified(type.Namespace, type.Name);

    // A type as it appears in a signature: generic arguments in braces, `n / ``n for type / method generic parameters.
    private static string Reference(Type type)
    {
        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return Reference(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return Reference(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var element = Reference(type.GetElementType()!);
            return type.IsSZArray
                ? element + "[]"
                : element + "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]";
        }

        if (!type.IsGenericType)
        {
            return type.DeclaringType is { } outer ? Reference(outer) + "." + type.Name : Qualified(type.Namespace, type.Name);
        }

        // Each type in the nesting chain takes its own share of the arguments: Outer{A}.Inner{B}.
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        var chain = new List<Type>();
        for (var current = definition; current is not null; current = current.DeclaringType)
        {
            chain.Insert(0, current);
        }

        var name = definition.Namespace;
        var taken = 0;
        foreach (var segment in chain)
        {
            var total = segment.IsGenericTypeDefinition ? segment.GetGenericArguments().Length : 0;
            var simpleName = segment.Name;
            var backtick = simpleName.IndexOf('`', StringComparison.Ordinal);
            if (backtick >= 0)
            {
                simpleName = simpleName[..backtick];
            }

            var own = arguments[taken..total].Select(Reference).ToList();
            taken = Math.Max(taken, total);
            name = Qualified(name, own.Count == 0 ? simpleName : simpleName + "{" + string.Join(",", own) + "}");
        }

        return name!;
    }

    private static string Qualified(string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? name : @namespace + "." + name;
}
