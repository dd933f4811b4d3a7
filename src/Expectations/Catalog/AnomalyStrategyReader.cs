using System.Globalization;
using System.Text.Json.Nodes;
using Dq.Expectations.Anomalies;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// Reads the <c>strategy</c> kwarg of <c>expect_metric_to_not_be_anomalous</c>: a strategy's name (its defaults), or
/// an object <c>{"name": "...", parameter: value, ...}</c> with Deequ's parameter names in snake case.
/// </summary>
/// <remarks>
/// An open limit is written as null or left out, except for the deviation factors of the normal strategies, which
/// default to 3 as in Deequ: there null opens that side. Unknown names and parameters are configuration errors that
/// list the valid ones and suggest the closest.
/// </remarks>
internal static class AnomalyStrategyReader
{
    private static readonly string[] s_change = ["max_rate_decrease", "max_rate_increase", "order"];
    private static readonly string[] s_deviation = ["lower_deviation_factor", "upper_deviation_factor"];

    /// <summary>Each strategy's parameters, in the order the docs list them.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Parameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["absolute_change"] = s_change,
        ["relative_rate_of_change"] = s_change,
        ["simple_thresholds"] = ["lower_bound", "upper_bound"],
        ["online_normal"] = [.. s_deviation, "ignore_start_percentage", "ignore_anomalies"],
        ["batch_normal"] = s_deviation,
        ["holt_winters"] = ["metrics_interval", "seasonality", "period"],
    };

    public static AnomalyStrategy Read(KwargReader kwargs)
    {
        var (name, parameters) = kwargs.Node("strategy") switch
        {
            null => throw kwargs.Error("strategy", "is missing", $"give a strategy, such as {{\"name\": \"online_normal\"}}; the strategies are {List(Parameters.Keys)}"),
            JsonValue v when v.TryGetValue<string>(out var text) => (text, new JsonObject()),
            JsonObject o => (NameOf(kwargs, o), o),
            _ => throw kwargs.Error("strategy", "is neither a strategy name nor an object", "give {\"name\": \"batch_normal\", \"upper_deviation_factor\": 3} or just \"batch_normal\""),
        };
        if (!Parameters.TryGetValue(name, out var known))
        {
            throw kwargs.Error("strategy", $"names `{name}`, which is not a strategy.{Spelling.DidYouMean(name, Parameters.Keys)}", $"use one of {List(Parameters.Keys)}");
        }
        foreach (var (key, _) in parameters)
        {
            if (key != "name" && !known.Contains(key))
            {
                var owners = Parameters.Where(p => p.Value.Contains(key)).Select(p => p.Key).ToList();
                var whose = owners.Count > 0 ? $" (a parameter of {List(owners)})" : "";
                throw kwargs.Error("strategy", $"gives `{key}`, which `{name}` does not take{whose}.{Spelling.DidYouMean(key, known)}",
                    $"`{name}` takes {List(known)}");
            }
        }
        var reader = new ParameterReader(kwargs, name, parameters);
        try
        {
            return name switch
            {
                "absolute_change" => new AbsoluteChangeStrategy(reader.Limit("max_rate_decrease"), reader.Limit("max_rate_increase"), reader.Integer("order", 1)),
                "relative_rate_of_change" => new RelativeRateOfChangeStrategy(reader.Limit("max_rate_decrease"), reader.Limit("max_rate_increase"), reader.Integer("order", 1)),
                "simple_thresholds" => new SimpleThresholdStrategy(reader.Limit("lower_bound"), reader.Limit("upper_bound")),
                "online_normal" => new OnlineNormalStrategy(reader.Factor("lower_deviation_factor"), reader.Factor("upper_deviation_factor"),
                    reader.Number("ignore_start_percentage", 0.1), reader.Flag("ignore_anomalies", true)),
                "batch_normal" => new BatchNormalStrategy(reader.Factor("lower_deviation_factor"), reader.Factor("upper_deviation_factor")),
                _ => HoltWinters(reader),
            };
        }
        catch (ArgumentException e)
        {
            throw kwargs.Error("strategy", $"is not a valid `{name}`: {e.Message.Split(" (Parameter", 2)[0]}", "fix its parameters (see docs/anomalies.md)");
        }
    }

    private static HoltWintersStrategy HoltWinters(ParameterReader reader)
    {
        if (reader.Has("period"))
        {
            if (reader.Has("metrics_interval") || reader.Has("seasonality"))
            {
                throw reader.Error("gives `period` with `metrics_interval` or `seasonality`", "give either the period in points or the interval and seasonality");
            }
            return new HoltWintersStrategy(reader.Integer("period", 0));
        }
        var interval = reader.Choice("metrics_interval", "daily", Enum.GetNames<MetricInterval>());
        var seasonality = reader.Choice("seasonality", "weekly", Enum.GetNames<SeriesSeasonality>());
        return new HoltWintersStrategy(Enum.Parse<MetricInterval>(interval, ignoreCase: true), Enum.Parse<SeriesSeasonality>(seasonality, ignoreCase: true));
    }

    private static string NameOf(KwargReader kwargs, JsonObject strategy) =>
        strategy["name"] is JsonValue v && v.TryGetValue<string>(out var name)
            ? name
            : throw kwargs.Error("strategy", "has no `name`", $"add \"name\": one of {List(Parameters.Keys)}");

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));

    /// <summary>Typed reading of one strategy's parameters, with errors that name the parameter.</summary>
    private sealed class ParameterReader(KwargReader kwargs, string strategy, JsonObject parameters)
    {
        public bool Has(string name) => parameters.ContainsKey(name);

        /// <summary>A limit: a number, or null (also when absent) for an open side.</summary>
        public double? Limit(string name) => Scalar(name) switch
        {
            null => null,
            long l => l,
            ulong u => u,
            double d => d,
            var other => throw Wrong(name, other, "a number, or null for no limit"),
        };

        /// <summary>A deviation factor: 3 when absent (Deequ's default), null when given as null (no limit on that side).</summary>
        public double? Factor(string name) => Has(name) ? Limit(name) : 3.0;

        public double Number(string name, double fallback) => Scalar(name) switch
        {
            null => fallback,
            long l => l,
            double d => d,
            var other => throw Wrong(name, other, "a number"),
        };

        public int Integer(string name, int fallback) => Scalar(name) switch
        {
            null => fallback,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            var other => throw Wrong(name, other, "a whole number"),
        };

        public bool Flag(string name, bool fallback) => Scalar(name) switch
        {
            null => fallback,
            bool b => b,
            var other => throw Wrong(name, other, "true or false"),
        };

        public string Choice(string name, string fallback, string[] choices)
        {
            var lower = choices.Select(c => c.ToLowerInvariant()).ToList();
            return Scalar(name) switch
            {
                null => fallback,
                string s when lower.Contains(s) => s,
                string s => throw Error($"gives `{name}` as `{s}`.{Spelling.DidYouMean(s, lower)}", $"use one of {List(lower)}"),
                var other => throw Wrong(name, other, $"one of {List(lower)}"),
            };
        }

        public ConfigurationException Error(string problem, string fix) => kwargs.Error("strategy", $"(`{strategy}`) {problem}", fix);

        private object? Scalar(string name) => JsonScalars.TryGetScalar(parameters[name], out var value)
            ? value
            : throw Error($"gives `{name}` as a list or object", "give a single value");

        private ConfigurationException Wrong(string name, object? value, string expected) =>
            Error($"gives `{name}` as {Convert.ToString(value, CultureInfo.InvariantCulture)}", $"give {expected}");
    }
}
