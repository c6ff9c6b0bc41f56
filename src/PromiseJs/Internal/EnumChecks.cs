namespace PromiseJs.Internal;

// The argument check of a setting that takes an enum: a cast integer that names no member is refused where it is set,
// instead of silently acting as some other member later.
internal static class EnumChecks
{
    public static TEnum Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{value} is not a {typeof(TEnum).Name} value; use one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return value;
    }

    public static TEnum? Defined<TEnum>(TEnum? value, string paramName)
        where TEnum : struct, Enum => value is { } set ? Defined(set, paramName) : null;
}
