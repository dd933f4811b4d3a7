using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dq.Conformance;

/// <summary>One test of the GX corpus, identified by file + dataset index + test index (titles repeat).</summary>
public sealed record GxCase(string ExpectationType, int DatasetIndex, int TestIndex, string Title, JsonObject Dataset, JsonObject Test)
{
    public string Id => $"{ExpectationType}/{DatasetIndex}/{TestIndex}";

    public override string ToString() => $"{Id} {Title}";
}

/// <summary>
/// Loads shared/conformance/gx/cases and applies GX's pandas filters (the corpus README, "Which cases apply").
/// </summary>
public static class GxCorpus
{
    private static readonly string[] s_pandasOnly = ["pandas", "pandas_v3_api", "pandas>=024"];
    private static readonly string[] s_pandasSuppressed = ["pandas", "pandas_v3_api"];
    private static readonly Lazy<IReadOnlyList<GxCase>> s_applicable = new(LoadApplicable);

    public static string CasesDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "dq.slnx")))
            {
                dir = dir.Parent;
            }
            var cases = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "gx", "cases"));
            return cases is not null && Directory.Exists(cases)
                ? cases
                : throw new DirectoryNotFoundException(
                    $"The GX corpus was not found at ../shared/conformance/gx/cases beside the repository (looked from {AppContext.BaseDirectory}). Place shared/ next to the checkout.");
        }
    }

    /// <summary>Every pandas-applicable case of all 48 types.</summary>
    public static IReadOnlyList<GxCase> Applicable => s_applicable.Value;

    private static List<GxCase> LoadApplicable()
    {
        var cases = new List<GxCase>();
        foreach (var file in Directory.GetFiles(CasesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var type = root["expectation_type"]!.GetValue<string>();
            var datasets = root["datasets"]!.AsArray();
            for (var d = 0; d < datasets.Count; d++)
            {
                var dataset = datasets[d]!.AsObject();
                if (Has(dataset["suppress_test_for"], s_pandasSuppressed[..1]) || (dataset["only_for"] is not null && !Has(dataset["only_for"], ["pandas"])))
                {
                    continue;
                }
                var tests = dataset["tests"]!.AsArray();
                for (var t = 0; t < tests.Count; t++)
                {
                    var test = tests[t]!.AsObject();
                    if (test["only_for"] is not null && !Has(test["only_for"], s_pandasOnly))
                    {
                        continue;
                    }
                    if (Has(test["suppress_test_for"], s_pandasSuppressed))
                    {
                        continue;
                    }
                    cases.Add(new GxCase(type, d, t, test["title"]?.GetValue<string>() ?? "", dataset, test));
                }
            }
        }
        return cases;
    }

    private static bool Has(JsonNode? list, string[] tokens) => list switch
    {
        JsonArray array => array.Any(item => item is JsonValue v && tokens.Contains(v.GetValue<string>())),
        JsonValue value => tokens.Contains(value.GetValue<string>()),
        _ => false,
    };

    /// <summary>Cases that cannot pass yet, with the reason: tests/Conformance/known-gaps.json.</summary>
    public static IReadOnlyDictionary<string, string> KnownGaps { get; } = LoadGaps();

    private static Dictionary<string, string> LoadGaps()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "known-gaps.json");
        var gaps = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
        return gaps;
    }
}
