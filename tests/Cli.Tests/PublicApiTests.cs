using System.Reflection;
using System.Text;

namespace Dq.Cli.Tests;

/// <summary>
/// The public surface of each package, as a checked-in text file under api/, so every API change shows up as a
/// diff in review. Set DQ_UPDATE_API=1 to rewrite the files after an intended change.
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("Dq.Expectations")]
    [InlineData("Dq.Readers")]
    [InlineData("Dq.Reporting")]
    [InlineData("Dq.Testing")]
    [InlineData("Dq.Sql")]
    public void PublicApi_MatchesTheCheckedInFile(string assemblyName)
    {
        var actual = Describe(Assembly.Load(assemblyName));
        var path = Repository.PathOf("api", assemblyName + ".txt");
        if (Environment.GetEnvironmentVariable("DQ_UPDATE_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with DQ_UPDATE_API=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && !type.IsEnum)
            {
                text.Append(" : ").Append(Name(baseType));
            }
            text.Append('\n');
            foreach (var member in Members(type))
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }
        return text.ToString();
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var members = new List<string>();
        if (type.IsEnum)
        {
            return Enum.GetNames(type);
        }
        foreach (var member in type.GetMembers(Flags))
        {
            switch (member)
            {
                case ConstructorInfo c:
                    members.Add($"ctor({Parameters(c)})");
                    break;
                case MethodInfo m when !m.IsSpecialName && !IsRecordPlumbing(m):
                    members.Add($"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})");
                    break;
                case PropertyInfo p:
                    var accessors = (p.GetMethod?.IsPublic == true ? "get; " : "") + (p.SetMethod?.IsPublic == true ? (IsInit(p) ? "init; " : "set; ") : "");
                    members.Add($"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {accessors}}}");
                    break;
                case FieldInfo f:
                    members.Add($"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}");
                    break;
            }
        }
        return members.Order(StringComparer.Ordinal);
    }

    private static bool IsRecordPlumbing(MethodInfo m) => m.Name is "<Clone>$" or "PrintMembers" or "Deconstruct";

    private static bool IsInit(PropertyInfo p) =>
        p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");

    private static string Generic(MethodInfo m) => m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
        : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }
        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }
        var name = type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : type.FullName ?? type.Name;
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }
        return name;
    }
}
