using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace PromiseJs.TestSupport;

/// <summary>
/// Checks, by reflection, that every public and protected member of every visible type of an assembly is fully
/// documented for IntelliSense in the XML documentation file the compiler wrote next to it. Both XML-documentation
/// tests (core and Reactive) run it.
/// </summary>
/// <remarks>
/// The rules, one per kind of member:
/// <list type="bullet">
/// <item>Every documented entry needs a non-empty <c>&lt;summary&gt;</c>.</item>
/// <item>A method, constructor, operator or indexer needs a non-empty <c>&lt;param name="x"&gt;</c> for every
/// parameter; a method needs a <c>&lt;typeparam&gt;</c> for each generic parameter it declares and, unless it returns
/// <see langword="void"/>, a <c>&lt;returns&gt;</c>. Operators are methods here: callers see them in IntelliSense.</item>
/// <item>A type needs a <c>&lt;typeparam&gt;</c> for each generic parameter it declares (not the ones of the type
/// it is nested in). A delegate type needs, on the type, the <c>&lt;param&gt;</c>/<c>&lt;returns&gt;</c> of its
/// <c>Invoke</c> signature; its runtime-provided members (<c>Invoke</c>, <c>BeginInvoke</c>, its constructor) are not
/// checked.</item>
/// <item>Properties and events need a summary (<c>&lt;value&gt;</c> is optional); their accessors are not checked
/// separately. Enum values and other visible fields need a summary.</item>
/// <item><c>&lt;inheritdoc cref="X"/&gt;</c> counts as the tags of <c>X</c> (followed transitively) that the entry
/// does not write itself, matched by name for <c>param</c>/<c>typeparam</c> — so an overload that inherits from one
/// with fewer parameters still fails for the parameters it adds. <c>&lt;inheritdoc/&gt;</c> without a cref inherits
/// from the member it overrides or implements: one in this assembly is followed the same way; one outside it (such
/// as <see cref="object.Equals(object)"/>) is taken as complete, since its docs ship with its own assembly. A cref to
/// a member outside this assembly is taken as complete for the same reason.</item>
/// <item>Not checked, because there is no source to document: members the compiler synthesizes (marked
/// <see cref="CompilerGeneratedAttribute"/>, such as a record's <c>EqualityContract</c>, <c>PrintMembers</c> and
/// <c>&lt;Clone&gt;$</c>), and a parameterless constructor that has no entry at all — that is the compiler's implicit
/// default constructor (a declared one without docs is already a CS1591 build error). Inherited members are checked
/// once, on the type that declares them; explicit interface implementations are private and not checked.</item>
/// </list>
/// </remarks>
public static class XmlDocumentationAudit
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Deeper than any real inheritdoc chain; stops a cycle of crefs from looping.
    private const int MaxInheritDepth = 16;

    /// <summary>Fails, listing every offender by documentation ID, unless every visible member of
    /// <paramref name="assembly"/> is fully documented in the XML file next to it.</summary>
    public static void Verify(Assembly assembly)
    {
        var xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(
            File.Exists(xmlPath),
            $"No XML documentation file at {xmlPath}: GenerateDocumentationFile (src/Directory.Build.props) writes it next to the "
            + "dll, and the project reference copies it to the test output.");

        var offenders = FindOffenders(assembly.GetExportedTypes(), XDocument.Load(xmlPath));
        if (offenders.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(
            $"{offenders.Count} public or protected members of {assembly.GetName().Name} lack XML documentation "
            + "(rules: tests/PromiseJs.Tests/PublicApi/XmlDocumentationAudit.cs):");
        foreach (var offender in offenders)
        {
            message.Append("  ").AppendLine(offender);
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>Lists, sorted, one line per incompletely documented member of <paramref name="types"/> (only the visible
    /// ones are looked at): its documentation ID and what it lacks.</summary>
    public static IReadOnlyList<string> FindOffenders(IEnumerable<Type> types, XDocument documentation)
    {
        var entries = documentation.Descendants("member")
            .Where(member => member.Attribute("name") is not null)
            .GroupBy(member => (string)member.Attribute("name")!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var audit = new Audit(entries);

        foreach (var type in types.Where(IsVisible))
        {
            audit.CheckType(type);
        }

        return [.. audit.Offenders.Order(StringComparer.Ordinal)];
    }

    private static bool IsVisible(Type type) =>
        type.IsPublic
        || ((type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    // The documented view of one entry: its own tags, plus what inheritdoc brings in.
    private sealed class EffectiveDocs
    {
        // Set when an inheritdoc leads outside this assembly: those docs ship with their own assembly, taken as complete.
        public bool Complete { get; set; }

        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Params { get; } = new(StringComparer.Ordinal);

        public HashSet<string> TypeParams { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Audit(Dictionary<string, XElement> entries)
    {
        public List<string> Offenders { get; } = [];

        public void CheckType(Type type)
        {
            var typeId = DocumentationIds.Of(type);
            var docs = Resolve(typeId, inheritFrom: null);
            if (docs is null)
            {
                Offenders.Add($"{typeId}: no documentation");
                return;
            }

            var missing = new List<string>();
            RequireSummary(docs, missing);
            RequireTypeParams(docs, OwnGenericParameters(type), missing);

            var isDelegate = typeof(Delegate).IsAssignableFrom(type.BaseType);
            if (isDelegate)
            {
                var invoke = type.GetMethod("Invoke")!;
                RequireParams(docs, invoke.GetParameters(), missing);
                RequireReturns(docs, invoke.ReturnType, missing);
            }

            Report(typeId, missing);
            if (isDelegate)
            {
                return;
            }

            foreach (var member in type.GetMembers(DeclaredMembers))
            {
                CheckMember(member);
            }
        }

        private void CheckMember(MemberInfo member)
        {
            if (member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                return;
            }

            switch (member)
            {
                case MethodBase method when IsVisible(method) && !IsAccessor(method):
                    CheckMethod(method);
                    break;
                case PropertyInfo property when property.GetAccessors(nonPublic: true).Any(IsVisible):
                    CheckSimple(DocumentationIds.Of(property), property.GetIndexParameters(), InheritanceTarget(property));
                    break;
                case EventInfo @event when @event.AddMethod is { } add && IsVisible(add):
                    CheckSimple(DocumentationIds.Of(@event), [], inheritFrom: null);
                    break;
                case FieldInfo field when IsVisible(field) && !field.IsSpecialName:
                    CheckSimple(DocumentationIds.Of(field), [], inheritFrom: null);
                    break;
                default:
                    // Nested types are checked as types of their own; invisible members are not part of the surface.
                    break;
            }
        }

        private void CheckMethod(MethodBase method)
        {
            var id = DocumentationIds.Of(method);
            var parameters = method.GetParameters();
            var docs = Resolve(id, method is MethodInfo info ? InheritanceTarget(info) : null);
            if (docs is null)
            {
                if (method is ConstructorInfo && parameters.Length == 0)
                {
                    return;
                }

                Offenders.Add($"{id}: no documentation");
                return;
            }

            var missing = new List<string>();
            RequireSummary(docs, missing);
            RequireParams(docs, parameters, missing);
            if (method is MethodInfo withReturn)
            {
                RequireTypeParams(docs, withReturn.IsGenericMethodDefinition ? withReturn.GetGenericArguments() : [], missing);
                RequireReturns(docs, withReturn.ReturnType, missing);
            }

            Report(id, missing);
        }

        private void CheckSimple(string id, ParameterInfo[] parameters, string? inheritFrom)
        {
            var docs = Resolve(id, inheritFrom);
            if (docs is null)
            {
                Offenders.Add($"{id}: no documentation");
                return;
            }

            var missing = new List<string>();
            RequireSummary(docs, missing);
            RequireParams(docs, parameters, missing);
            Report(id, missing);
        }

        private void Report(string id, List<string> missing)
        {
            if (missing.Count > 0)
            {
                Offenders.Add($"{id}: missing {string.Join(", ", missing)}");
            }
        }

        // Null when the ID has no entry. inheritFrom is the ID an argument-less <inheritdoc/> points at: the member
        // overridden or implemented ("" when that member lies outside this assembly, null when there is none).
        private EffectiveDocs? Resolve(string id, string? inheritFrom)
        {
            if (!entries.TryGetValue(id, out var entry))
            {
                return null;
            }

            var docs = new EffectiveDocs();
            Collect(entry, inheritFrom, docs, depth: 0);
            return docs;
        }

        private void Collect(XElement entry, string? inheritFrom, EffectiveDocs docs, int depth)
        {
            foreach (var element in entry.Elements())
            {
                var name = element.Name.LocalName;
                if (name == "inheritdoc" || !HasContent(element))
                {
                    continue;
                }

                var nameAttribute = (string?)element.Attribute("name");
                if (name == "param" && nameAttribute is not null)
                {
                    docs.Params.Add(nameAttribute);
                }
                else if (name == "typeparam" && nameAttribute is not null)
                {
                    docs.TypeParams.Add(nameAttribute);
                }
                else
                {
                    docs.Tags.Add(name);
                }
            }

            var inheritdoc = entry.Element("inheritdoc");
            if (inheritdoc is null || depth >= MaxInheritDepth)
            {
                return;
            }

            var target = (string?)inheritdoc.Attribute("cref") ?? inheritFrom;
            if (target is null)
            {
                // <inheritdoc/> on a member that neither overrides nor implements anything inherits nothing.
                return;
            }

            if (!entries.TryGetValue(target, out var targetEntry))
            {
                // Outside this assembly (object.Equals, an interface of the BCL): its docs ship with its own assembly.
                docs.Complete = true;
                return;
            }

            Collect(targetEntry, inheritFrom: null, docs, depth + 1);
        }

        private static bool HasContent(XElement element) =>
            element.HasElements || !string.IsNullOrWhiteSpace(element.Value);

        private static void RequireSummary(EffectiveDocs docs, List<string> missing)
        {
            if (!docs.Complete && !docs.Tags.Contains("summary"))
            {
                missing.Add("<summary>");
            }
        }

        private static void RequireParams(EffectiveDocs docs, ParameterInfo[] parameters, List<string> missing)
        {
            if (docs.Complete)
            {
                return;
            }

            missing.AddRange(parameters
                .Where(parameter => !docs.Params.Contains(parameter.Name!))
                .Select(parameter => $"<param name=\"{parameter.Name}\">"));
        }

        private static void RequireTypeParams(EffectiveDocs docs, Type[] genericParameters, List<string> missing)
        {
            if (docs.Complete)
            {
                return;
            }

            missing.AddRange(genericParameters
                .Where(parameter => !docs.TypeParams.Contains(parameter.Name))
                .Select(parameter => $"<typeparam name=\"{parameter.Name}\">"));
        }

        private static void RequireReturns(EffectiveDocs docs, Type returnType, List<string> missing)
        {
            if (!docs.Complete && returnType != typeof(void) && !docs.Tags.Contains("returns"))
            {
                missing.Add("<returns>");
            }
        }

        private static bool IsAccessor(MethodBase method) =>
            method.IsSpecialName
            && (method.Name.StartsWith("get_", StringComparison.Ordinal)
                || method.Name.StartsWith("set_", StringComparison.Ordinal)
                || method.Name.StartsWith("add_", StringComparison.Ordinal)
                || method.Name.StartsWith("remove_", StringComparison.Ordinal)
                || method.Name.StartsWith("raise_", StringComparison.Ordinal));

        private static Type[] OwnGenericParameters(Type type)
        {
            if (!type.IsGenericTypeDefinition)
            {
                return [];
            }

            var inherited = type.DeclaringType is { IsGenericTypeDefinition: true } outer ? outer.GetGenericArguments().Length : 0;
            return type.GetGenericArguments()[inherited..];
        }

        // The documentation ID an argument-less <inheritdoc/> on this method inherits from: "" outside this assembly.
        private string? InheritanceTarget(MethodInfo method)
        {
            var baseDefinition = method.GetBaseDefinition();
            if (baseDefinition != method && baseDefinition.DeclaringType != method.DeclaringType)
            {
                return IdInThisAssembly(baseDefinition, method.Module);
            }

            var declaring = method.DeclaringType!;
            if (declaring.IsInterface)
            {
                return null;
            }

            foreach (var contract in declaring.GetInterfaces())
            {
                var map = declaring.GetInterfaceMap(contract);
                var index = Array.IndexOf(map.TargetMethods, method);
                if (index >= 0)
                {
                    return IdInThisAssembly(map.InterfaceMethods[index], method.Module);
                }
            }

            return null;
        }

        private string? InheritanceTarget(PropertyInfo property)
        {
            var accessor = property.GetMethod ?? property.SetMethod;
            if (accessor is null || InheritanceTarget(accessor) is not { } accessorTarget)
            {
                return null;
            }

            // The target accessor's "M:Type.get_Name" becomes the property's "P:Type.Name".
            if (accessorTarget.Length == 0)
            {
                return accessorTarget;
            }

            var separator = accessorTarget.LastIndexOf(".get_", StringComparison.Ordinal);
            if (separator < 0)
            {
                separator = accessorTarget.LastIndexOf(".set_", StringComparison.Ordinal);
            }

            return separator < 0 ? null : "P:" + accessorTarget[2..separator] + "." + accessorTarget[(separator + 5)..];
        }

        private static string IdInThisAssembly(MethodInfo target, Module module)
        {
            if (target.Module != module)
            {
                return string.Empty;
            }

            // A member of a constructed generic base (Promise<T> seen from a subclass) is documented on its definition.
            var declaring = target.DeclaringType!;
            if (declaring.IsConstructedGenericType)
            {
                target = (MethodInfo)declaring.GetGenericTypeDefinition().GetMembers(DeclaredMembers)
                    .Single(candidate => candidate.MetadataToken == target.MetadataToken);
            }

            return DocumentationIds.Of(target);
        }
    }
}
