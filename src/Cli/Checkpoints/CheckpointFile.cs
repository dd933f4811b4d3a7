using Dq.Cli.Telemetry;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Readers;
using Dq.Reporting.CloudWatch;
using static Dq.Cli.Checkpoints.ConfigReader;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// Reads a checkpoint file (YAML, or JSON for <c>.json</c>). Every problem is a <see cref="ConfigurationException"/>
/// with the file, line and column.
/// </summary>
/// <remarks>
/// The shape (docs/cli.md has the reference):
/// <code>
/// name: orders_gate                  # optional; defaults to the file name
/// validations:
///   - data: ../data/orders*.csv      # a path or glob, relative to this file
///     format: csv                    # auto (default), csv or parquet
///     csv: { delimiter: ",", null_tokens: ["NA"] }
///     suite: ../suites/orders.suite.json
///     result_format: SUMMARY         # optional
/// actions:                           # optional; default: [store_result]
///   - store_result
///   - write_json: ../reports/orders.result.json
///   - write_junit: ../reports/orders.junit.xml
///   - emit_metrics: { emf: ../reports/metrics.jsonl, namespace: dq }   # CloudWatch EMF lines; '-' is stdout
/// gate:
///   fail_on: error                   # error (default), warn or never
/// </code>
/// </remarks>
internal static class CheckpointFile
{
    private static readonly string[] s_topKeys = ["name", "validations", "actions", "gate", "result_format", "parameters"];
    private static readonly string[] s_validationKeys = ["data", "format", "csv", "suite", "baseline", "result_format", "row_condition", "parameters", "table", "query", "password_env"];
    private static readonly string[] s_csvKeys = ["delimiter", "quote", "escape", "header", "null_tokens", "default_null_tokens", "batch_size", "schema", "infer_rows", "on_bad_rows"];
    private static readonly string[] s_actions = ["store_result", "write_json", "write_junit", "update_data_docs", "emit_metrics"];
    private static readonly string[] s_emitMetricsKeys = ["emf", "namespace"];

    public static Checkpoint Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ConfigurationException($"checkpoint file `{path}` does not exist. Check the path, or run `dq init` to create a project with a sample checkpoint.");
        }
        return Parse(ConfigFile.Load(full, "checkpoint file"), full, path);
    }

    public static Checkpoint Parse(ConfigNode root, string fullPath, string shownPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var map = Map(root, $"checkpoint `{shownPath}`");
        RejectUnknown(map, "the checkpoint", s_topKeys);
        var name = map["name"] is { } n ? Text(n, "`name`") : Path.GetFileNameWithoutExtension(fullPath).Replace(".checkpoint", "", StringComparison.Ordinal);
        var defaultFormat = map["result_format"] is { } rf ? ReadResultFormat(rf) : null;

        var list = List(Required(map, "validations", "the checkpoint"), "`validations`");
        if (list.Items.Count == 0)
        {
            throw Error(list.Mark, "`validations` is empty; add at least one `- data: ... suite: ...` entry.");
        }
        var parameters = map["parameters"] is { } p ? ReadParameters(p, "the checkpoint") : new Dictionary<string, object?>();
        var validations = list.Items.Select((item, i) => ReadValidation(item, i + 1, folder, defaultFormat, parameters)).ToList();
        var actions = map["actions"] is { } a ? ReadActions(a, folder) : [new StoreResultAction(map.Mark, null)];
        var gate = map["gate"] is { } g ? ReadGate(g) : GatePolicy.Error;
        return new Checkpoint(name, fullPath, validations, actions, gate);
    }

    /// <summary>A <c>parameters:</c> mapping of names to plain values (numbers, booleans and null are typed, the rest is text).</summary>
    private static IReadOnlyDictionary<string, object?> ReadParameters(ConfigNode node, string where)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(node, $"`parameters` of {where}").Entries)
        {
            values[key.Name] = value is ConfigScalar { IsNull: true } ? null : RunParameters.Value(Text(value, $"parameter `{key.Name}`"));
        }
        return values;
    }

    private static CheckpointValidation ReadValidation(ConfigNode node, int number, string folder, ResultFormat? defaultFormat, IReadOnlyDictionary<string, object?> checkpointParameters)
    {
        var where = $"validation {number}";
        var map = Map(node, where);
        RejectUnknown(map, where, s_validationKeys);
        if (map["row_condition"] is { } condition)
        {
            throw Error(condition.Mark,
                "`row_condition` on a whole validation is not supported yet. Put `row_condition` in the kwargs of the expectations it applies to, or filter the data before validating it.");
        }
        var data = Required(map, "data", where);
        var suite = map["suite"];
        var baseline = map["baseline"];
        if (suite is null && baseline is null)
        {
            throw Error(map.Mark, $"{where} has neither `suite` nor `baseline`; give the suite file to check the data against, or a baseline folder from `dq profile` to monitor it (or both).");
        }
        var format = map["format"] is { } f
            ? Enum.Parse<DataFormat>(OneOf(f, $"`format` of {where}", [.. Enum.GetNames<DataFormat>().Select(x => x.ToLowerInvariant())]), ignoreCase: true)
            : DataFormat.Auto;
        var csv = map["csv"] is { } c ? ReadCsv(c, where) : (CsvReaderOptions?)null;
        var resultFormat = map["result_format"] is { } rf ? ReadResultFormat(rf) : defaultFormat;
        var dataText = PathText(data, $"`data` of {where}");
        var database = CheckpointDatabase.Read(map, dataText, folder, where, data.Mark);
        return new CheckpointValidation(
            database?.AssetName ?? Resolve(folder, dataText), data.Mark, format, csv,
            suite is null ? null : Resolve(folder, PathText(suite, $"`suite` of {where}")), (suite ?? baseline)!.Mark, resultFormat)
        {
            Baseline = baseline is null ? null : Resolve(folder, PathText(baseline, $"`baseline` of {where}")),
            BaselineMark = baseline?.Mark,
            Parameters = map["parameters"] is { } own ? RunParameters.Merge(checkpointParameters, ReadParameters(own, where)) : checkpointParameters,
            Database = database,
        };
    }

    private static CsvReaderOptions ReadCsv(ConfigNode node, string where)
    {
        var map = Map(node, $"`csv` of {where}");
        RejectUnknown(map, $"`csv` of {where}", s_csvKeys);
        var options = new CsvReaderOptions();
        if (map["delimiter"] is { } d)
        {
            options = options with { Delimiter = Character(d, "`delimiter`") };
        }
        if (map["quote"] is { } q)
        {
            options = options with { Quote = Character(q, "`quote`") };
        }
        if (map["batch_size"] is { } b)
        {
            options = options with { BatchSize = Integer(b, "`batch_size`", 1) };
        }
        if (map["escape"] is { } e)
        {
            options = options with { Escape = Character(e, "`escape`") };
        }
        if (map["header"] is { } h)
        {
            options = options with { HasHeader = OneOf(h, "`header`", "true", "false") == "true" };
        }
        if (map["infer_rows"] is { } ir)
        {
            options = options with { InferenceRows = Integer(ir, "`infer_rows`", 1) };
        }
        if (map["on_bad_rows"] is { } ob)
        {
            options = options with { OnBadRows = OneOf(ob, "`on_bad_rows`", "error", "skip") == "skip" ? BadRowHandling.Skip : BadRowHandling.Error };
        }
        if (map["schema"] is { } sc)
        {
            try
            {
                options = options with { Schema = CsvSchema.Parse(Text(sc, "`schema`")) };
            }
            catch (FormatException ex)
            {
                throw Error(sc.Mark, $"`schema` of `csv` of {where}: {ex.Message}");
            }
        }
        if (map["default_null_tokens"] is { } defaults)
        {
            options = options with { UseDefaultNullTokens = OneOf(defaults, "`default_null_tokens`", "true", "false") == "true" };
        }
        if (map["null_tokens"] is { } t)
        {
            options = options with { NullTokens = List(t, "`null_tokens`").Items.Select(i => i is ConfigScalar s ? s.Value : Text(i, "a null token")).ToList() };
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentException invalid)
        {
            throw Error(node.Mark, $"`csv` of {where}: {invalid.Message}");
        }
        return options;
    }

    private static ResultFormat ReadResultFormat(ConfigNode node)
    {
        try
        {
            return new ResultFormat(ResultFormat.ParseLevel(Text(node, "`result_format`")));
        }
        catch (ConfigurationException e)
        {
            throw Error(node.Mark, e.Message);
        }
    }

    private static List<CheckpointAction> ReadActions(ConfigNode node, string folder)
    {
        var actions = new List<CheckpointAction>();
        foreach (var item in List(node, "`actions`").Items)
        {
            var (name, value, mark) = item switch
            {
                ConfigScalar s => (Text(s, "an action"), (ConfigNode?)null, s.Mark),
                ConfigMap { Entries.Count: 1 } m => (m.Entries[0].Key.Name, m.Entries[0].Value, m.Entries[0].Key.Mark),
                _ => throw Error(item.Mark, $"an action is a name (`- store_result`) or one `name: path` pair (`- write_junit: reports/junit.xml`), not {item.Kind}."),
            };
            actions.Add(name switch
            {
                "store_result" => new StoreResultAction(mark, value is null or ConfigScalar { IsNull: true } ? null : Resolve(folder, PathText(value, "the store path"))),
                "write_json" => new WriteJsonAction(mark, Resolve(folder, PathText(PathOf(value, name, mark), "the path of `write_json`"))),
                "write_junit" => new WriteJunitAction(mark, Resolve(folder, PathText(PathOf(value, name, mark), "the path of `write_junit`"))),
                "update_data_docs" => new UpdateDataDocsAction(mark, value is null or ConfigScalar { IsNull: true } ? null : Resolve(folder, PathText(value, "the data docs folder"))),
                "emit_metrics" => ReadEmitMetrics(value, mark, folder),
                _ => throw Error(mark, $"unknown action `{name}`. Use one of {Join(s_actions)}."),
            });
        }
        return actions;
    }

    private static EmitMetricsAction ReadEmitMetrics(ConfigNode? value, SourceMark mark, string folder)
    {
        if (value is not ConfigMap map)
        {
            throw Error(value?.Mark ?? mark,
                "the action `emit_metrics` takes a mapping with the EMF file: `- emit_metrics: { emf: reports/metrics.jsonl }` (and optionally `namespace: dq`).");
        }
        RejectUnknown(map, "`emit_metrics`", s_emitMetricsKeys);
        var emf = Text(Required(map, "emf", "`emit_metrics`"), "`emf` of `emit_metrics`");
        var metricNamespace = EmbeddedMetricFormat.DefaultNamespace;
        if (map["namespace"] is { } n)
        {
            metricNamespace = Text(n, "`namespace` of `emit_metrics`");
            if (!EmbeddedMetricFormat.IsValidNamespace(metricNamespace))
            {
                throw Error(n.Mark, $"`namespace` of `emit_metrics` is `{metricNamespace}`, not a CloudWatch namespace: use 1 to 256 letters, digits and . _ # : / - (such as `dq` or `data-quality/orders`).");
            }
        }
        return new EmitMetricsAction(mark, emf == EmfTarget.StandardOutput ? emf : Resolve(folder, emf), metricNamespace);
    }

    private static ConfigNode PathOf(ConfigNode? value, string action, SourceMark mark) =>
        value ?? throw Error(mark, $"the action `{action}` needs a file path: `- {action}: reports/{(action == "write_json" ? "result.json" : "junit.xml")}`.");

    private static GatePolicy ReadGate(ConfigNode node)
    {
        var map = Map(node, "`gate`");
        RejectUnknown(map, "`gate`", "fail_on");
        return map["fail_on"] is { } f ? Enum.Parse<GatePolicy>(OneOf(f, "`fail_on`", "error", "warn", "never"), ignoreCase: true) : GatePolicy.Error;
    }

    private static string Resolve(string folder, string path) => Path.GetFullPath(Path.Combine(folder, path));
}
