using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Suites;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// The site's manifest, <c>.dq-docs.json</c> in the site folder: which builder wrote the site and the summary of every run
/// it shows, so the next build renders only new runs and the pages they change.
/// </summary>
/// <remarks>
/// <para>
/// Shape (format 1): <c>{format, builder, configurations: [{type, kwargs, meta}], suites: [name], assets: [name],
/// runs: [[run_id, utc_ticks, suite, asset, success, evaluated, successful, unsuccessful, warned, success_percent,
/// row_count, [[configuration, index, status, success, is_percent, value]…]]…]}</c>, where suite, asset and
/// configuration are indexes into their lists, status indexes <see cref="s_statuses"/>, booleans are 0 or 1, and a
/// real that is not finite is the string <c>NaN</c>, <c>Infinity</c> or <c>-Infinity</c>. Each configuration is kept
/// once, however many runs share it.
/// </para>
/// <para>
/// <c>builder</c> names the page templates: the manifest format, dq's version with its source revision, and a hash of
/// the stylesheet and the index script. A site from another builder, or a manifest that is missing or does not read
/// back whole, is not trusted: the build starts over (<see cref="Read"/> returns null).
/// </para>
/// </remarks>
internal static class SiteManifest
{
    public const string FileName = ".dq-docs.json";

    private const int Format = 1;

    private static readonly string[] s_statuses = ["PASSED", "FAILED", "WARN", "ERROR"];

    /// <summary>The builder this code is (see the remarks).</summary>
    public static string Builder { get; } = BuilderId();

    /// <summary>The runs of the manifest at <paramref name="path"/>, by run id; null when it is missing, from another builder, or corrupt.</summary>
    public static Dictionary<string, RunSummary>? Read(string path, Func<ExpectationConfiguration, InternedConfiguration> intern)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            return Runs(File.ReadAllBytes(path), intern);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException
                                      or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            // A damaged manifest only costs a full build.
            return null;
        }
    }

    /// <summary>Writes the manifest of <paramref name="runs"/> to <paramref name="path"/> (through a temporary file, so it is whole or absent).</summary>
    public static void Write(string path, IReadOnlyCollection<RunSummary> runs)
    {
        // Interned: equal configurations are one object, so identity finds them.
        var configurations = new Dictionary<InternedConfiguration, int>(ReferenceEqualityComparer.Instance);
        var configurationList = new List<ExpectationConfiguration>();
        var suites = new Dictionary<string, int>(StringComparer.Ordinal);
        var assets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            suites.TryAdd(run.Row.Suite, suites.Count);
            assets.TryAdd(run.Row.Asset, assets.Count);
            foreach (var p in run.Points)
            {
                if (configurations.TryAdd(p.Expectation, configurations.Count))
                {
                    configurationList.Add(p.Expectation.Configuration);
                }
            }
        }
        SiteFiles.WriteAtomically(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("builder", Builder);
            w.WriteStartArray("configurations");
            foreach (var c in configurationList)
            {
                w.WriteStartObject();
                w.WriteString("type", c.Type);
                w.WritePropertyName("kwargs");
                c.Kwargs.WriteTo(w);
                w.WritePropertyName("meta");
                c.Meta.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "suites", suites.Keys);
            Strings(w, "assets", assets.Keys);
            w.WriteStartArray("runs");
            foreach (var run in runs)
            {
                var r = run.Row;
                w.WriteStartArray();
                w.WriteStringValue(r.RunId);
                w.WriteNumberValue(r.RunTime.UtcTicks);
                w.WriteNumberValue(suites[r.Suite]);
                w.WriteNumberValue(assets[r.Asset]);
                w.WriteNumberValue(r.Success ? 1 : 0);
                w.WriteNumberValue(r.Evaluated);
                w.WriteNumberValue(r.Successful);
                w.WriteNumberValue(r.Unsuccessful);
                w.WriteNumberValue(r.Warned);
                Real(w, r.SuccessPercent);
                w.WriteNumberValue(r.RowCount);
                w.WriteStartArray();
                foreach (var p in run.Points)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(configurations[p.Expectation]);
                    w.WriteNumberValue(p.Index);
                    w.WriteNumberValue(Array.IndexOf(s_statuses, p.Status));
                    w.WriteNumberValue(p.Success ? 1 : 0);
                    w.WriteNumberValue(p.IsPercent ? 1 : 0);
                    if (p.Value is { } v)
                    {
                        Real(w, v);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Reads the manifest in one forward pass (no document tree: 10,000 runs are 200,000 points). The properties must come
    /// in the order <see cref="Write"/> puts them; anything else is not this builder's manifest.
    /// </summary>
    private static Dictionary<string, RunSummary> Runs(ReadOnlySpan<byte> json, Func<ExpectationConfiguration, InternedConfiguration> intern)
    {
        var r = new Utf8JsonReader(json);
        Next(ref r, JsonTokenType.StartObject);
        Property(ref r, "format");
        var format = Int(ref r);
        Property(ref r, "builder");
        if (format != Format || Text(ref r) != Builder)
        {
            throw new InvalidDataException("another builder");
        }
        Property(ref r, "configurations");
        Next(ref r, JsonTokenType.StartArray);
        var configurations = new List<InternedConfiguration>();
        while (Next(ref r) != JsonTokenType.EndArray)
        {
            Is(ref r, JsonTokenType.StartObject);
            Property(ref r, "type");
            var type = Text(ref r);
            Property(ref r, "kwargs");
            var kwargs = Object(ref r);
            Property(ref r, "meta");
            var meta = Object(ref r);
            Next(ref r, JsonTokenType.EndObject);
            configurations.Add(intern(new ExpectationConfiguration(type, kwargs, meta)));
        }
        Property(ref r, "suites");
        var suites = Texts(ref r);
        Property(ref r, "assets");
        var assets = Texts(ref r);
        Property(ref r, "runs");
        Next(ref r, JsonTokenType.StartArray);
        var runs = new Dictionary<string, RunSummary>(StringComparer.Ordinal);
        var points = new List<ExpectationPoint>();
        while (Next(ref r) != JsonTokenType.EndArray)
        {
            Is(ref r, JsonTokenType.StartArray);
            var row = new RunRow(
                Text(ref r), new DateTimeOffset(Long(ref r), TimeSpan.Zero), At(suites, ref r), At(assets, ref r), Flag(ref r),
                Int(ref r), Int(ref r), Int(ref r), Int(ref r), Real(ref r) ?? throw new InvalidDataException("percent"), Long(ref r));
            Next(ref r, JsonTokenType.StartArray);
            points.Clear();
            while (Next(ref r) != JsonTokenType.EndArray)
            {
                Is(ref r, JsonTokenType.StartArray);
                var configuration = At(configurations, ref r);
                var index = Int(ref r);
                var status = At(s_statuses, ref r);
                var success = Flag(ref r);
                var isPercent = Flag(ref r);
                points.Add(new ExpectationPoint(configuration, index, status, success, Real(ref r), isPercent));
                Next(ref r, JsonTokenType.EndArray);
            }
            Next(ref r, JsonTokenType.EndArray);
            if (!runs.TryAdd(row.RunId, new RunSummary(row, [.. points])))
            {
                throw new InvalidDataException($"run {row.RunId} twice");
            }
        }
        Next(ref r, JsonTokenType.EndObject);
        return r.Read() ? throw new InvalidDataException("text after the manifest") : runs;
    }

    private static JsonTokenType Next(ref Utf8JsonReader r) =>
        r.Read() ? r.TokenType : throw new InvalidDataException("the manifest ends early");

    private static void Next(ref Utf8JsonReader r, JsonTokenType expected)
    {
        Next(ref r);
        Is(ref r, expected);
    }

    private static void Is(ref Utf8JsonReader r, JsonTokenType expected)
    {
        if (r.TokenType != expected)
        {
            throw new InvalidDataException($"{r.TokenType} where {expected} belongs");
        }
    }

    private static void Property(ref Utf8JsonReader r, string name)
    {
        Next(ref r, JsonTokenType.PropertyName);
        if (!r.ValueTextEquals(name))
        {
            throw new InvalidDataException($"property {r.GetString()} where {name} belongs");
        }
    }

    private static string Text(ref Utf8JsonReader r)
    {
        Next(ref r, JsonTokenType.String);
        return r.GetString()!;
    }

    private static int Int(ref Utf8JsonReader r)
    {
        Next(ref r, JsonTokenType.Number);
        return r.GetInt32();
    }

    private static long Long(ref Utf8JsonReader r)
    {
        Next(ref r, JsonTokenType.Number);
        return r.GetInt64();
    }

    private static bool Flag(ref Utf8JsonReader r) => Int(ref r) switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"flag {other}"),
    };

    private static T At<T>(IReadOnlyList<T> list, ref Utf8JsonReader r)
    {
        var i = Int(ref r);
        return i >= 0 && i < list.Count ? list[i] : throw new InvalidDataException($"index {i} outside 0..{list.Count - 1}");
    }

    private static List<string> Texts(ref Utf8JsonReader r)
    {
        Next(ref r, JsonTokenType.StartArray);
        var list = new List<string>();
        while (Next(ref r) != JsonTokenType.EndArray)
        {
            Is(ref r, JsonTokenType.String);
            list.Add(r.GetString()!);
        }
        return list;
    }

    private static JsonObject Object(ref Utf8JsonReader r)
    {
        Next(ref r, JsonTokenType.StartObject);
        return JsonNode.Parse(ref r) as JsonObject ?? throw new InvalidDataException("not an object");
    }

    private static double? Real(ref Utf8JsonReader r) => Next(ref r) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => r.GetDouble(),
        JsonTokenType.String => r.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new InvalidDataException($"real {other}"),
        },
        var other => throw new InvalidDataException($"real {other}"),
    };

    private static void Real(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    private static string BuilderId()
    {
        static string Version(Assembly a) => a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        var templates = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SiteStyle.Css + "\u0000" + IndexScript.Code)))[..16];
        return $"{Format}/{Version(typeof(SiteManifest).Assembly)}/{Version(typeof(ExpectationCatalog).Assembly)}/{templates}";
    }
}
