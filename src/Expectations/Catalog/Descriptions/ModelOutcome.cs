using System.Globalization;
using Dq.Expectations.Results;

namespace Dq.Expectations.Catalog.Descriptions;

/// <summary>
/// The one-line outcome of a model-metric expectation: <c>accuracy 0.74 is below 0.8 (on 20,000 rows)</c>, read from
/// the result and the kwargs, so it works as well for a result read back from the store.
/// </summary>
internal static class ModelOutcome
{
    public static string? Describe(Wording kwargs, ResultDetails result)
    {
        var metric = kwargs.Text("metric") ?? "the metric";
        var details = result.Details;
        var rows = details?.GetValueOrDefault("rows") is { } r && Number(r) is { } n ? $" (on {ValueText.Count((long)n, "row")})" : "";
        if (Number(result.ObservedValue) is not { } value)
        {
            return details?.GetValueOrDefault("note") is string note ? $"{metric} could not be measured: {note}" : null;
        }
        var (min, max) = (kwargs.Number("min_value"), kwargs.Number("max_value"));
        var (strictMin, strictMax) = (kwargs.Flag("strict_min"), kwargs.Flag("strict_max"));
        if (min is { } low && (value < low || (strictMin && value == low)))
        {
            return $"{metric} {Show(value, low)} is {(value == low ? "not above" : "below")} {Show(low, value)}{rows}";
        }
        if (max is { } high && (value > high || (strictMax && value == high)))
        {
            return $"{metric} {Show(value, high)} is {(value == high ? "not below" : "above")} {Show(high, value)}{rows}";
        }
        var range = Phrases.Range(kwargs).Replace("{min_value}", min is { } a ? Show(a, value) : "", StringComparison.Ordinal)
            .Replace("{max_value}", max is { } b ? Show(b, value) : "", StringComparison.Ordinal);
        return $"{metric} {Show(value, min ?? max ?? value)} is {range}{rows}";
    }

    /// <summary>
    /// A value to four significant digits, or in full when four digits would read the same as the value it is
    /// compared with (0.79996 against 0.8 must not read "0.8 is below 0.8").
    /// </summary>
    private static string Show(double value, double other)
    {
        var shortText = Short(value);
        return value != other && shortText == Short(other) ? ValueText.Format(value) : shortText;
    }

    private static string Short(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : ValueText.Format(value);

    private static double? Number(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        ulong u => u,
        decimal m => (double)m,
        _ => null,
    };
}
