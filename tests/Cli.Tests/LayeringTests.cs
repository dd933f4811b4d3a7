using System.Reflection;
using System.Reflection.Emit;
using Dq.Expectations;

namespace Dq.Cli.Tests;

/// <summary>
/// The engine (columns, metrics, kernels, planning, execution, conditions and the monitoring math) computes; the
/// catalogue, suites and results judge, read and report. These tests read the compiled IL, so a reference through a
/// lambda, a generic argument or a fully qualified name is caught as surely as a <c>using</c>.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] s_engine =
        ["Columns", "Metrics", "Kernels", "Planning", "Execution", "Conditions", "Statistics", "Sketches", "Anomalies", "ModelQuality"];

    private static readonly string[] s_judging = ["Catalog", "Suites", "Results"];

    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void EngineTypes_NeverReferenceTheCatalogueSuitesOrResults()
    {
        var assembly = typeof(Validator).Assembly;
        var engineTypes = assembly.GetTypes().Where(t => Layer(t) is { } layer && s_engine.Contains(layer)).ToList();

        var leaks = engineTypes
            .SelectMany(t => ReferencedTypes(t).Where(r => r.Assembly == assembly && Layer(r) is { } l && s_judging.Contains(l))
                .Select(r => $"{t.FullName} uses {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(engineTypes.Count > 100, $"only {engineTypes.Count} engine types found: the namespaces moved?");
        Assert.Empty(leaks);
    }

    [Fact]
    public void TheLayeringScan_SeesAReferenceMadeOnlyInsideAMethodBody()
    {
        // The scan must find what it guards against: this method's body (and no signature) uses the catalogue.
        var referenced = ReferencedTypes(typeof(Probe)).ToList();

        Assert.Contains(typeof(Dq.Expectations.Catalog.ExpectationCatalog), referenced);
        Assert.Contains(typeof(Dq.Expectations.Results.ValueText), referenced);
    }

    [Fact]
    public void ReportingTestingAndTheTool_NeverSpellAnExpectationTypeName()
    {
        var files = new[] { "Reporting", "Testing", "Cli" }
            .SelectMany(p => Directory.EnumerateFiles(Repository.PathOf("src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var spelled = files.Where(f => File.ReadAllText(f).Contains("\"expect_", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .ToList();

        Assert.True(files.Count > 50, $"only {files.Count} source files found under src/Reporting, src/Testing and src/Cli");
        Assert.Empty(spelled);
    }

    /// <summary>The layer of a type: the folder under Dq.Expectations of its outermost declaring type.</summary>
    private static string? Layer(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        var parts = (type.Namespace ?? "").Split('.');
        return parts is ["Dq", "Expectations", var layer, ..] ? layer : null;
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }
        foreach (var field in type.GetFields(all))
        {
            Add(field.FieldType);
        }
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            AddSignature(method);
            foreach (var member in BodyReferences(method))
            {
                Add(member as Type ?? member.DeclaringType);
                if (member is MethodBase called)
                {
                    AddSignature(called);
                }
                else if (member is FieldInfo field)
                {
                    Add(field.FieldType);
                }
            }
        }
        return found;

        void AddSignature(MethodBase method)
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }
            foreach (var p in method.GetParameters())
            {
                Add(p.ParameterType);
            }
            if (method.IsGenericMethod)
            {
                foreach (var g in method.GetGenericArguments())
                {
                    Add(g);
                }
            }
        }

        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
            if (t.IsGenericType)
            {
                foreach (var g in t.GetGenericArguments())
                {
                    Add(g);
                }
            }
            if (t.IsConstructedGenericType)
            {
                found.Add(t.GetGenericTypeDefinition());
            }
        }
    }

    /// <summary>The members a method's IL names through its token operands (calls, fields, types, ldtoken).</summary>
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var code = il[at] == 0xFE ? s_opCodes[(short)(0xFE00 | il[at + 1])] : s_opCodes[il[at]];
            at += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArgs, methodArgs);
                if (member is not null)
                {
                    yield return member;
                }
            }
            at += operand;
        }
    }

    private static class Probe
    {
        public static int Count() => Dq.Expectations.Catalog.ExpectationCatalog.Descriptors.Count + Dq.Expectations.Results.ValueText.Format(1).Length;
    }
}
