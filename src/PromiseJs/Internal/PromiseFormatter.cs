using System.Globalization;
using System.Text;

namespace PromiseJs.Internal;

/// <summary>Writes the text of <see cref="Promise.ToString"/>: the type as C# spells it, the state, and the value or reason
/// (<c>Promise&lt;int&gt;: fulfilled 42</c>, <c>Promise: rejected InvalidOperationException: boom</c>).</summary>
internal static class PromiseFormatter
{
    // Longer values are cut, so a debugger tooltip or a log line stays one readable line.
    private const int MaxValueLength = 100;

    public static string Describe(Promise promise, Type? valueType, object? value)
    {
        var text = new StringBuilder("Promise");
        if (valueType is not null)
        {
            text.Append('<');
            AppendTypeName(text, valueType);
            text.Append('>');
        }

        text.Append(": ");
        switch (promise.State)
        {
            case PromiseState.Fulfilled:
                text.Append("fulfilled");
                if (valueType is not null)
                {
                    text.Append(' ');
                    AppendValue(text, value);
                }

                break;
            case PromiseState.Rejected:
                Exception reason = promise.Reason!;
                text.Append("rejected ").Append(reason.GetType().Name).Append(": ");
                AppendShortened(text, reason.Message);
                break;
            default:
                text.Append("pending");
                break;
        }

        return text.ToString();
    }

    private static void AppendValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"');
                AppendShortened(text, s);
                text.Append('"');
                break;
            case IFormattable formattable:
                AppendShortened(text, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendShortened(text, value.ToString() ?? string.Empty);
                break;
        }
    }

    private static void AppendShortened(StringBuilder text, string value)
    {
        if (value.Length <= MaxValueLength)
        {
            text.Append(value);
        }
        else
        {
            text.Append(value, 0, MaxValueLength).Append('…');
        }
    }

    // C#'s spelling: keywords for the built-in types, T? for nullable values, T[] for arrays, Name<A, B> for generics.
    internal static void AppendTypeName(StringBuilder text, Type type)
    {
        if (Keyword(type) is { } keyword)
        {
            text.Append(keyword);
            return;
        }

        if (type.IsArray)
        {
            AppendTypeName(text, type.GetElementType()!);
            text.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            AppendTypeName(text, underlying);
            text.Append('?');
            return;
        }

        if (!type.IsGenericType)
        {
            text.Append(type.Name);
            return;
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        bool tuple = type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true;
        text.Append(tuple ? "(" : string.Concat(tick < 0 ? name : name[..tick], "<"));
        Type[] arguments = type.GetGenericArguments();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            AppendTypeName(text, arguments[i]);
        }

        text.Append(tuple ? ')' : '>');
    }

    private static string? Keyword(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.SByte => "sbyte",
        TypeCode.Char => "char",
        TypeCode.Int16 => "short",
        TypeCode.UInt16 => "ushort",
        TypeCode.Int32 => "int",
        TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long",
        TypeCode.UInt64 => "ulong",
        TypeCode.Single => "float",
        TypeCode.Double => "double",
        TypeCode.Decimal => "decimal",
        TypeCode.String => "string",
        _ => type == typeof(object) ? "object" : null,
    };
}
