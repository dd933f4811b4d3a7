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
    public static Dictionary<string, RunSummary>? Read(string path, Func<ExpectationConfiguration, ExpectationConfiguration> intern)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return Runs(document.RootElement, intern);
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
        var configurations = new Dictionary<string, int>(StringComparer.Ordinal);
        var configurationList = new List<ExpectationConfiguration>();
        var suites = new Dictionary<string, int>(StringComparer.Ordinal);
        var assets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            suites.TryAdd(run.Row.Suite, suites.Count);
            assets.TryAdd(run.Row.Asset, assets.Count);
            foreach (var p in run.Points)
            {
                if (configurations.TryAdd(ExpectationPoint.ConfigurationKey(p.Configuration), configurations.Count))
                {
                    configurationList.Add(p.Configuration);
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
                    w.WriteNumberValue(configurations[ExpectationPoint.ConfigurationKey(p.Configuration)]);
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

    private static Dictionary<string, RunSummary> Runs(JsonElement root, Func<ExpectationConfiguration, ExpectationConfiguration> intern)
    {
        if (root.GetProperty("format").GetInt32() != Format || root.GetProperty("builder").GetString() != Builder)
        {
            throw new InvalidDataException("another builder");
        }
        var configurations = root.GetProperty("configurations").EnumerateArray().Select(c => intern(new ExpectationConfiguration(
            c.GetProperty("type").GetString()!,
            (JsonObject?)JsonNode.Parse(c.GetProperty("kwargs").GetRawText()),
            (JsonObject?)JsonNode.Parse(c.GetProperty("meta").GetRawText())))).ToList();
        var suites = root.GetProperty("suites").EnumerateArray().Select(s => s.GetString()!).ToList();
        var assets = root.GetProperty("assets").EnumerateArray().Select(s => s.GetString()!).ToList();
        var runs = new Dictionary<string, RunSummary>(StringComparer.Ordinal);
        foreach (var item in root.GetProperty("runs").EnumerateArray())
        {
            var f = Fields(item, 12);
            var row = new RunRow(
                f[0].GetString()!, new DateTimeOffset(f[1].GetInt64(), TimeSpan.Zero), At(suites, f[2]), At(assets, f[3]), Flag(f[4]),
                f[5].GetInt32(), f[6].GetInt32(), f[7].GetInt32(), f[8].GetInt32(), Real(f[9]) ?? throw new InvalidDataException("percent"), f[10].GetInt64());
            var points = f[11].EnumerateArray().Select(p =>
            {
                var q = Fields(p, 6);
                return new ExpectationPoint(At(configurations, q[0]), q[1].GetInt32(), At(s_statuses, q[2]), Flag(q[3]), Real(q[5]), Flag(q[4]));
            }).ToList();
            if (!runs.TryAdd(row.RunId, new RunSummary(row, points)))
            {
                throw new InvalidDataException($"run {row.RunId} twice");
            }
        }
        return runs;
    }

    private static JsonElement[] Fields(JsonElement array, int count)
    {
        var fields = array.EnumerateArray().ToArray();
        return fields.Length == count ? fields : throw new InvalidDataException($"{fields.Length} fields, not {count}");
    }

    private static T At<T>(IReadOnlyList<T> list, JsonElement index)
    {
        var i = index.GetInt32();
        return i >= 0 && i < list.Count ? list[i] : throw new InvalidDataException($"index {i} outside 0..{list.Count - 1}");
    }

    private static bool Flag(JsonElement value) => value.GetInt32() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"flag {other}"),
    };

    private static double? Real(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new InvalidDataException($"real {other}"),
        },
        _ => throw new InvalidDataException($"real {value.ValueKind}"),
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
