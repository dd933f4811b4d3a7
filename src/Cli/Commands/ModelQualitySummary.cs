using System.Globalization;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Results;

namespace Dq.Cli.Commands;

/// <summary>The terminal summary of a model-quality run: the metrics, then the violations when a baseline was checked.</summary>
internal static class ModelQualitySummary
{
    public static void Write(TextWriter writer, ModelQualityStatistics statistics, string data, IReadOnlyList<ModelQualityViolation>? violations)
    {
        var verdict = violations is null ? "" : violations.Count == 0 ? ": no violations" : $": {violations.Count} violation{(violations.Count == 1 ? "" : "s")}";
        writer.WriteLine($"{TextTable.Clean(data)} ({ValueText.Count(statistics.ItemCount, "row")} measured, {statistics.ProblemType}){verdict}.");
        TextTable.Write(writer, ["metric", "value", "std dev"], statistics.Metrics.Select(m => new[] { m.Name, Number(m.Value), Number(m.StandardDeviation) }));
        if (violations is { Count: > 0 })
        {
            TextTable.Write(writer, ["metric", "check", "description"],
                violations.Select(v => new[] { v.MetricName, v.ConstraintCheckType, TextTable.Clean(v.Description, 120) }));
        }
    }

    /// <summary>The rows left out, in one sentence.</summary>
    public static string LeftOut(ModelQualityStatistics statistics)
    {
        var rows = statistics.RowsLeftOut;
        var parts = new List<string>();
        if (rows.MissingRows > 0)
        {
            parts.Add($"{ValueText.Count(rows.MissingRows, "row")} with a missing label, prediction or probability");
        }
        if (rows.OutsideClassRows > 0)
        {
            var values = rows.ValuesOutsideClasses is { Count: > 0 } v ? $" (such as {string.Join(", ", v.Take(5).Select(x => ValueText.Format(x)))})" : "";
            parts.Add($"{ValueText.Count(rows.OutsideClassRows, "row")} whose label ({ValueText.Count(rows.LabelsOutsideClasses)}) or prediction ({ValueText.Count(rows.PredictionsOutsideClasses)}) is of neither class{values}; give --positive-label if the classes are not 1 and 0");
        }
        if (rows.NonFiniteRows > 0)
        {
            parts.Add($"{ValueText.Count(rows.NonFiniteRows, "row")} with an infinite label or prediction");
        }
        return $"{ValueText.Count(rows.RowsRead - statistics.ItemCount, "row")} of {ValueText.Count(rows.RowsRead)} left out: {string.Join("; ", parts)}.";
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "n/a";
}
