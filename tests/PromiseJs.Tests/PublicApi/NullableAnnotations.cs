using System.Reflection;

namespace PromiseJs.Tests.PublicApi;

/// <summary>
/// Reads the compiler's nullable metadata for one member or parameter: the bytes of its
/// <c>[Nullable]</c> attribute, or else the nearest <c>[NullableContext]</c> (0 oblivious, 1 not annotated,
/// 2 annotated), consumed in the compiler's order as the type is walked.
/// </summary>
/// <remarks>
/// <see cref="NullabilityInfoContext"/> is not used: for an unconstrained type parameter it reports the
/// parameter's declared "maybe null" state, so <c>T</c> and <c>T?</c> would render alike.
/// </remarks>
internal sealed class NullableAnnotations
{
    private const string NullableAttributeName = "System.Runtime.CompilerServices.NullableAttribute";
    private const string NullableContextAttributeName = "System.Runtime.CompilerServices.NullableContextAttribute";
    private const byte Annotated = 2;

    private readonly byte[] _bytes;
    private readonly byte _context;
    private int _index;

    private NullableAnnotations(IList<CustomAttributeData> attributes, MemberInfo? contextOwner)
    {
        _bytes = ReadNullable(attributes);
        _context = ReadContext(contextOwner);
    }

    /// <summary>Creates the reader for a parameter or return value.</summary>
    public static NullableAnnotations For(ParameterInfo parameter) =>
        new(parameter.GetCustomAttributesData(), parameter.Member);

    /// <summary>Creates the reader for a field, property or event.</summary>
    public static NullableAnnotations For(MemberInfo member) => new(member.GetCustomAttributesData(), member);

    /// <summary>Tells whether a type parameter's declaration is annotated nullable (2), not (1) or oblivious (0).</summary>
    public static byte ForTypeParameter(Type parameter)
    {
        var own = ReadNullable(parameter.GetCustomAttributesData());
        return own.Length > 0 ? own[0] : ReadContext((MemberInfo?)parameter.DeclaringMethod ?? parameter.DeclaringType);
    }

    /// <summary>Reads the annotation of the next reference type and tells whether it is nullable (<c>?</c>).</summary>
    public bool NextIsNullable()
    {
        var value = _bytes.Length switch
        {
            0 => _context,
            1 => _bytes[0],
            _ => _index < _bytes.Length ? _bytes[_index] : _context,
        };
        _index++;
        return value == Annotated;
    }

    /// <summary>Skips the placeholder byte the compiler writes for a generic value type.</summary>
    public void SkipValueType() => _index++;

    private static byte[] ReadNullable(IList<CustomAttributeData> attributes)
    {
        var attribute = attributes.FirstOrDefault(data => data.AttributeType.FullName == NullableAttributeName);
        if (attribute is null || attribute.ConstructorArguments.Count != 1)
        {
            return [];
        }

        return attribute.ConstructorArguments[0].Value switch
        {
            byte single => [single],
            IReadOnlyCollection<CustomAttributeTypedArgument> many => many.Select(item => (byte)item.Value!).ToArray(),
            _ => [],
        };
    }

    private static byte ReadContext(MemberInfo? owner)
    {
        for (var member = owner; member is not null; member = member.DeclaringType)
        {
            var attribute = member.GetCustomAttributesData()
                .FirstOrDefault(data => data.AttributeType.FullName == NullableContextAttributeName);
            if (attribute is { ConstructorArguments: [{ Value: byte context }] })
            {
                return context;
            }
        }

        return 0;
    }
}
