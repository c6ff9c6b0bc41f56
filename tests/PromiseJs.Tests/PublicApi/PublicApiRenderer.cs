using System.Globalization;
using System.Reflection;
using System.Text;

namespace PromiseJs.Tests.PublicApi;

/// <summary>
/// Renders the public and protected surface of an assembly as deterministic, sorted text: one block per
/// visible type (kind, base, interfaces, generic constraints, selected attributes), then one line per member
/// with its full signature (modifiers, nullable annotations of member signatures, parameter names,
/// <c>params</c>, <c>ref</c>/<c>out</c>/<c>in</c>, default values). Stands in for PublicApiAnalyzers, which
/// the feed lacks. Not rendered: nullability inside base types and interfaces, tuple element names.
/// </summary>
internal static class PublicApiRenderer
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Attributes that change how callers bind or see a member; everything else is implementation.
    private static readonly HashSet<string> s_renderedAttributes = new(StringComparer.Ordinal)
    {
        "System.ObsoleteAttribute",
        "System.FlagsAttribute",
        "System.ComponentModel.EditorBrowsableAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Runtime.CompilerServices.OverloadResolutionPriorityAttribute",
        "System.Runtime.CompilerServices.AsyncMethodBuilderAttribute",
    };

    private static readonly Dictionary<string, string> s_operators = new(StringComparer.Ordinal)
    {
        ["op_Equality"] = "==",
        ["op_Inequality"] = "!=",
        ["op_LessThan"] = "<",
        ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=",
        ["op_GreaterThanOrEqual"] = ">=",
        ["op_Addition"] = "+",
        ["op_Subtraction"] = "-",
        ["op_Multiply"] = "*",
        ["op_Division"] = "/",
        ["op_Modulus"] = "%",
        ["op_UnaryNegation"] = "-",
        ["op_UnaryPlus"] = "+",
        ["op_LogicalNot"] = "!",
        ["op_OnesComplement"] = "~",
        ["op_BitwiseAnd"] = "&",
        ["op_BitwiseOr"] = "|",
        ["op_ExclusiveOr"] = "^",
        ["op_True"] = "true",
        ["op_False"] = "false",
        ["op_Increment"] = "++",
        ["op_Decrement"] = "--",
        ["op_Implicit"] = "implicit",
        ["op_Explicit"] = "explicit",
    };

    private static readonly Dictionary<Type, string> s_keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
        [typeof(nint)] = "nint",
        [typeof(nuint)] = "nuint",
    };

    /// <summary>Renders every visible type of <paramref name="assembly"/>, with "\n" line ends.</summary>
    public static string Render(Assembly assembly)
    {
        var blocks = VisibleTypes(assembly)
            .Select(type => (Name: TypeName(type, null), Text: RenderType(type)))
            .OrderBy(block => block.Name, StringComparer.Ordinal)
            .Select(block => block.Text);
        return string.Join("\n", blocks);
    }

    private static IEnumerable<Type> VisibleTypes(Assembly assembly)
    {
        var pending = new Stack<Type>(assembly.GetTypes().Where(type => type.IsPublic));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            yield return type;
            foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (nested.IsNestedPublic || (!type.IsSealed && (nested.IsNestedFamily || nested.IsNestedFamORAssem)))
                {
                    pending.Push(nested);
                }
            }
        }
    }

    private static string RenderType(Type type)
    {
        var text = new StringBuilder();
        foreach (var attribute in RenderAttributes(type.GetCustomAttributesData()))
        {
            text.Append(attribute).Append('\n');
        }

        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            text.Append(TypeAccessibility(type)).Append(" delegate ")
                .Append(TypeName(invoke.ReturnType, NullableAnnotations.For(invoke.ReturnParameter)))
                .Append(' ').Append(TypeName(type, null, declaration: true))
                .Append('(').Append(RenderParameters(invoke)).Append(')')
                .Append(RenderConstraints(OwnGenericArguments(type)))
                .Append('\n');
            return text.ToString();
        }

        text.Append(TypeAccessibility(type)).Append(' ').Append(TypeKind(type)).Append(' ')
            .Append(TypeName(type, null, declaration: true));

        var bases = new List<string>();
        if (type.IsEnum)
        {
            bases.Add(TypeName(Enum.GetUnderlyingType(type), null));
        }
        else if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(TypeName(baseType, null));
        }

        if (!type.IsEnum)
        {
            bases.AddRange(type.GetInterfaces()
                .Where(face => face.IsVisible)
                .Select(face => TypeName(face, null))
                .OrderBy(name => name, StringComparer.Ordinal));
        }

        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        text.Append(RenderConstraints(OwnGenericArguments(type))).Append('\n');

        var members = type.IsEnum ? RenderEnumMembers(type) : RenderMembers(type);
        foreach (var member in members)
        {
            foreach (var line in member.Split('\n'))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> RenderEnumMembers(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (Value: Convert.ToDecimal(field.GetRawConstantValue(), CultureInfo.InvariantCulture), Field: field))
            .OrderBy(item => item.Value)
            .ThenBy(item => item.Field.Name, StringComparer.Ordinal)
            .Select(item => WithAttributes(item.Field.GetCustomAttributesData(),
                string.Create(CultureInfo.InvariantCulture, $"{item.Field.Name} = {item.Value}")));

    private static IEnumerable<string> RenderMembers(Type type)
    {
        // (kind order, name, signature) sorts; attributes ride along above their member.
        var members = new List<(int Order, string Name, string Signature, IList<CustomAttributeData> Attributes)>();

        foreach (var field in type.GetFields(DeclaredMembers).Where(field => IsVisible(field)))
        {
            members.Add((0, field.Name, RenderField(field), field.GetCustomAttributesData()));
        }

        foreach (var constructor in type.GetConstructors(DeclaredMembers).Where(c => !c.IsStatic && IsVisible(c)))
        {
            var text = $"{MethodAccessibility(constructor)} {SimpleName(type)}({RenderParameters(constructor)})";
            members.Add((1, string.Empty, text, constructor.GetCustomAttributesData()));
        }

        foreach (var property in type.GetProperties(DeclaredMembers))
        {
            if (RenderProperty(property) is { } text)
            {
                members.Add((2, property.Name, text, property.GetCustomAttributesData()));
            }
        }

        foreach (var @event in type.GetEvents(DeclaredMembers))
        {
            var add = @event.AddMethod;
            if (add is not null && IsVisible(add))
            {
                var eventType = TypeName(@event.EventHandlerType!, NullableAnnotations.For(@event));
                var text = $"{MethodAccessibility(add)}{MethodModifiers(add)} event {eventType} {@event.Name}";
                members.Add((3, @event.Name, text, @event.GetCustomAttributesData()));
            }
        }

        foreach (var method in type.GetMethods(DeclaredMembers))
        {
            if (IsVisible(method) && (!method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal))
                && !method.Name.Contains('<', StringComparison.Ordinal))
            {
                members.Add((4, method.Name, RenderMethod(method), method.GetCustomAttributesData()));
            }
        }

        return members
            .OrderBy(member => member.Order)
            .ThenBy(member => member.Name, StringComparer.Ordinal)
            .ThenBy(member => member.Signature, StringComparer.Ordinal)
            .Select(member => WithAttributes(member.Attributes, member.Signature));
    }

    private static string RenderField(FieldInfo field)
    {
        var type = TypeName(field.FieldType, NullableAnnotations.For(field));
        var access = FieldAccessibility(field);
        if (field.IsLiteral)
        {
            return $"{access} const {type} {field.Name} = {Literal(field.GetRawConstantValue(), field.FieldType)}";
        }

        var modifiers = (field.IsStatic ? " static" : string.Empty) + (field.IsInitOnly ? " readonly" : string.Empty);
        return $"{access}{modifiers} {type} {field.Name}";
    }

    private static string? RenderProperty(PropertyInfo property)
    {
        var getter = property.GetMethod is { } get && IsVisible(get) ? get : null;
        var setter = property.SetMethod is { } set && IsVisible(set) ? set : null;
        if (getter is null && setter is null)
        {
            return null;
        }

        // The property takes the accessibility of its more visible accessor; the other one says its own.
        var main = getter is null ? setter! : setter is null ? getter : Rank(getter) >= Rank(setter) ? getter : setter;
        var access = MethodAccessibility(main);
        var accessors = new List<string>();
        if (getter is not null)
        {
            accessors.Add(AccessorPrefix(getter, access) + "get;");
        }

        if (setter is not null)
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers()
                .Any(modifier => modifier.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            accessors.Add(AccessorPrefix(setter, access) + (isInit ? "init;" : "set;"));
        }

        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0
            ? property.Name
            : $"this[{string.Join(", ", indexParameters.Select(parameter => RenderParameter(parameter, isExtension: false)))}]";
        var type = TypeName(property.PropertyType, NullableAnnotations.For(property));
        var refKind = property.PropertyType.IsByRef ? RefReturnKind(getter?.ReturnParameter) : string.Empty;
        return $"{access}{MethodModifiers(main)} {refKind}{type} {name} {{ {string.Join(" ", accessors)} }}";

        static string AccessorPrefix(MethodInfo accessor, string propertyAccess) =>
            MethodAccessibility(accessor) is var own && own != propertyAccess ? own + " " : string.Empty;
    }

    private static string RenderMethod(MethodInfo method)
    {
        var returnType = TypeName(method.ReturnType, NullableAnnotations.For(method.ReturnParameter));
        var refKind = method.ReturnType.IsByRef ? RefReturnKind(method.ReturnParameter) : string.Empty;
        var name = method.Name;
        if (method.IsSpecialName && name.StartsWith("op_", StringComparison.Ordinal))
        {
            name = "operator " + (s_operators.TryGetValue(name, out var symbol) ? symbol : name);
        }

        if (method.IsGenericMethodDefinition)
        {
            name += "<" + string.Join(", ", method.GetGenericArguments().Select(argument => argument.Name)) + ">";
        }

        var isExtension = method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), inherit: false);
        var parameters = string.Join(", ", method.GetParameters()
            .Select((parameter, index) => RenderParameter(parameter, isExtension && index == 0)));
        var constraints = method.IsGenericMethodDefinition ? RenderConstraints(method.GetGenericArguments()) : string.Empty;
        return $"{MethodAccessibility(method)}{MethodModifiers(method)} {refKind}{returnType} {name}({parameters}){constraints}";
    }

    private static string RenderParameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(parameter => RenderParameter(parameter, isExtension: false)));

    private static string RenderParameter(ParameterInfo parameter, bool isExtension)
    {
        var text = new StringBuilder();
        foreach (var attribute in RenderAttributes(parameter.GetCustomAttributesData()))
        {
            text.Append(attribute).Append(' ');
        }

        if (isExtension)
        {
            text.Append("this ");
        }

        if (HasAttribute(parameter.GetCustomAttributesData(), "System.ParamArrayAttribute")
            || HasAttribute(parameter.GetCustomAttributesData(), "System.Runtime.CompilerServices.ParamCollectionAttribute"))
        {
            text.Append("params ");
        }

        var type = parameter.ParameterType;
        if (type.IsByRef)
        {
            var attributes = parameter.GetCustomAttributesData();
            text.Append(
                parameter.IsOut ? "out "
                : HasAttribute(attributes, "System.Runtime.CompilerServices.RequiresLocationAttribute") ? "ref readonly "
                : parameter.IsIn || HasAttribute(attributes, "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "in "
                : "ref ");
        }

        text.Append(TypeName(type, NullableAnnotations.For(parameter)))
            .Append(' ').Append(parameter.Name);

        if (parameter.HasDefaultValue)
        {
            text.Append(" = ").Append(Literal(parameter.RawDefaultValue, type.IsByRef ? type.GetElementType()! : type));
        }

        return text.ToString();
    }

    private static string RenderConstraints(Type[] genericArguments)
    {
        var text = new StringBuilder();
        foreach (var argument in genericArguments.Where(argument => argument.IsGenericParameter))
        {
            var constraints = new List<string>();
            var attributes = argument.GenericParameterAttributes;
            var isUnmanaged = HasAttribute(argument.GetCustomAttributesData(), "System.Runtime.CompilerServices.IsUnmanagedAttribute");
            var isStruct = (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
            if (isUnmanaged)
            {
                constraints.Add("unmanaged");
            }
            else if (isStruct)
            {
                constraints.Add("struct");
            }
            else if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                constraints.Add(NullableAnnotations.ForTypeParameter(argument) == 2 ? "class?" : "class");
            }

            var typeConstraints = argument.GetGenericParameterConstraints()
                .Where(constraint => !(isStruct && constraint == typeof(ValueType)))
                .Select(constraint => TypeName(constraint, null))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
            if (constraints.Count == 0 && typeConstraints.Count == 0 && NullableAnnotations.ForTypeParameter(argument) == 1)
            {
                constraints.Add("notnull");
            }

            constraints.AddRange(typeConstraints);

            if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !isStruct)
            {
                constraints.Add("new()");
            }

            // GenericParameterAttributes.AllowByRefLike (0x20) is .NET 9+: "allows ref struct".
            if (((int)attributes & 0x20) != 0)
            {
                constraints.Add("allows ref struct");
            }

            if (constraints.Count > 0)
            {
                text.Append(" where ").Append(argument.Name).Append(" : ").Append(string.Join(", ", constraints));
            }
        }

        return text.ToString();
    }

    // Renders a type reference. With annotations, reads one nullable byte per reference type and one
    // placeholder per generic value type, in the compiler's order (outer type, then its type arguments).
    private static string TypeName(Type type, NullableAnnotations? annotations, bool declaration = false)
    {
        if (type.IsByRef || type.IsPointer)
        {
            var element = TypeName(type.GetElementType()!, annotations, declaration);
            return type.IsPointer ? element + "*" : element;
        }

        if (type.IsGenericParameter)
        {
            var variance = string.Empty;
            if (declaration)
            {
                var attributes = type.GenericParameterAttributes;
                variance = (attributes & GenericParameterAttributes.Covariant) != 0 ? "out "
                    : (attributes & GenericParameterAttributes.Contravariant) != 0 ? "in "
                    : string.Empty;
            }

            var isNullable = !type.IsValueType && annotations?.NextIsNullable() == true;
            return variance + type.Name + (isNullable ? "?" : string.Empty);
        }

        if (type.IsValueType)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            var valueType = underlying ?? type;
            if (valueType.IsGenericType)
            {
                annotations?.SkipValueType();
            }

            return NamedType(valueType, annotations, declaration) + (underlying is null ? string.Empty : "?");
        }

        var marker = annotations?.NextIsNullable() == true ? "?" : string.Empty;
        if (type.IsArray)
        {
            var element = TypeName(type.GetElementType()!, annotations, declaration);
            return element + "[" + new string(',', type.GetArrayRank() - 1) + "]" + marker;
        }

        return NamedType(type, annotations, declaration) + marker;
    }

    private static string NamedType(Type type, NullableAnnotations? annotations, bool declaration)
    {
        if (s_keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        // Generic arguments of a nested type belong partly to its declaring types: hand each its share.
        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        var chain = new List<Type>();
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            chain.Insert(0, current);
        }

        var name = new StringBuilder(chain[0].Namespace is { Length: > 0 } ns ? ns + "." : string.Empty);
        var used = 0;
        foreach (var part in chain)
        {
            if (part != chain[0])
            {
                name.Append('.');
            }

            name.Append(SimpleName(part));
            var count = (part.IsGenericType ? part.GetGenericArguments().Length : 0) - used;
            if (count > 0)
            {
                name.Append('<');
                for (var index = used; index < used + count; index++)
                {
                    name.Append(index > used ? ", " : string.Empty).Append(TypeName(arguments[index], annotations, declaration));
                }

                name.Append('>');
                used += count;
            }
        }

        return name.ToString();
    }

    // A nested type repeats its declaring types' type parameters first; their constraints belong there.
    private static Type[] OwnGenericArguments(Type type) =>
        type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).ToArray();

    private static string SimpleName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    private static string TypeKind(Type type)
    {
        if (type.IsInterface)
        {
            return "interface";
        }

        if (type.IsEnum)
        {
            return "enum";
        }

        if (type.IsValueType)
        {
            var isReadOnly = HasAttribute(type.GetCustomAttributesData(), "System.Runtime.CompilerServices.IsReadOnlyAttribute");
            return (isReadOnly ? "readonly " : string.Empty) + (type.IsByRefLike ? "ref " : string.Empty) + "struct";
        }

        return type.IsAbstract && type.IsSealed ? "static class"
            : type.IsAbstract ? "abstract class"
            : type.IsSealed ? "sealed class"
            : "class";
    }

    private static bool IsDelegate(Type type) => type.BaseType == typeof(MulticastDelegate);

    private static string TypeAccessibility(Type type) =>
        type.IsPublic || type.IsNestedPublic ? "public"
        : type.IsNestedFamORAssem ? "protected internal"
        : "protected";

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => !field.IsSpecialName && (field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly);

    private static int Rank(MethodBase method) => method.IsPublic ? 2 : 1;

    private static string MethodAccessibility(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamilyOrAssembly ? "protected internal" : "protected";

    private static string FieldAccessibility(FieldInfo field) =>
        field.IsPublic ? "public" : field.IsFamilyOrAssembly ? "protected internal" : "protected";

    private static string MethodModifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return method.IsAbstract ? " static abstract" : method.IsVirtual ? " static virtual" : " static";
        }

        if (method.DeclaringType!.IsInterface)
        {
            // Interface members are abstract unless they carry a default implementation.
            return method.IsAbstract ? string.Empty : " virtual";
        }

        var isOverride = method.IsVirtual && method.GetBaseDefinition().DeclaringType != method.DeclaringType;
        return method.IsAbstract ? (isOverride ? " abstract override" : " abstract")
            : isOverride ? (method.IsFinal ? " sealed override" : " override")
            : method.IsVirtual && !method.IsFinal ? " virtual"
            : string.Empty;
    }

    private static string RefReturnKind(ParameterInfo? returnParameter) =>
        returnParameter is not null
        && HasAttribute(returnParameter.GetCustomAttributesData(), "System.Runtime.CompilerServices.IsReadOnlyAttribute")
            ? "ref readonly "
            : "ref ";

    private static string WithAttributes(IList<CustomAttributeData> attributes, string text)
    {
        var rendered = RenderAttributes(attributes).ToList();
        return rendered.Count == 0 ? text : string.Join("\n", rendered) + "\n" + text;
    }

    private static IEnumerable<string> RenderAttributes(IList<CustomAttributeData> attributes) =>
        attributes
            .Where(attribute => s_renderedAttributes.Contains(attribute.AttributeType.FullName ?? string.Empty))
            .Select(RenderAttribute)
            .OrderBy(text => text, StringComparer.Ordinal);

    private static string RenderAttribute(CustomAttributeData attribute)
    {
        var name = attribute.AttributeType.Name;
        name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
        var arguments = attribute.ConstructorArguments.Select(RenderAttributeArgument)
            .Concat(attribute.NamedArguments.Select(named => $"{named.MemberName} = {RenderAttributeArgument(named.TypedValue)}"))
            .ToList();
        return arguments.Count == 0 ? $"[{name}]" : $"[{name}({string.Join(", ", arguments)})]";
    }

    private static string RenderAttributeArgument(CustomAttributeTypedArgument argument) =>
        argument.Value switch
        {
            Type type => $"typeof({TypeName(type, null)})",
            IReadOnlyCollection<CustomAttributeTypedArgument> items =>
                "[" + string.Join(", ", items.Select(RenderAttributeArgument)) + "]",
            var value => Literal(value, argument.ArgumentType),
        };

    private static string Literal(object? value, Type type)
    {
        if (value is null || value is DBNull || value is Missing)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null";
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            var name = Enum.GetName(underlying, value);
            return name is not null
                ? $"{TypeName(underlying, null)}.{name}"
                : string.Create(CultureInfo.InvariantCulture, $"({TypeName(underlying, null)}){value}");
        }

        return value switch
        {
            string text => "\"" + Escape(text) + "\"",
            char character => "'" + Escape(character.ToString()) + "'",
            bool flag => flag ? "true" : "false",
            float number => number.ToString("R", CultureInfo.InvariantCulture) + "f",
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.InvariantCulture) + "m",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        static string Escape(string text) => text
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
    }

    private static bool HasAttribute(IList<CustomAttributeData> attributes, string fullName) =>
        attributes.Any(attribute => attribute.AttributeType.FullName == fullName);
}
