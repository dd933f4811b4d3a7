using System.Globalization;
using Dq.Expectations.Profiling;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Baselines;

/// <summary>
/// A SageMaker Model Monitor <c>statistics.json</c>: the dataset's item count and one entry per feature, as dq's
/// profiler or SageMaker's own baselining job wrote it.
/// </summary>
/// <param name="ItemCount">The dataset's rows (<c>dataset.item_count</c>).</param>
/// <param name="Features">The features, in the data's order.</param>
public sealed record BaselineStatistics(long ItemCount, IReadOnlyList<FeatureStatistics> Features)
{
    /// <summary>The format's version: 0, as SageMaker writes.</summary>
    public double Version { get; init; }

    /// <summary>The feature named <paramref name="name"/>, or null.</summary>
    public FeatureStatistics? Feature(string name) => Features.FirstOrDefault(f => f.Name == name);

    /// <summary>The statistics of a profile: numeric columns with 10 equal-width KLL buckets and the sketch, other columns as strings.</summary>
    public static BaselineStatistics FromProfile(DataProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new BaselineStatistics(profile.RowCount, [.. profile.Columns.Select(FromColumn)]);
    }

    private static FeatureStatistics FromColumn(ColumnProfile column)
    {
        var type = SageMakerTypes.Of(column.Type);
        if (column.Numeric is { } numeric && type is FeatureType.Integral or FeatureType.Fractional)
        {
            var buckets = double.IsFinite(numeric.Min) && double.IsFinite(numeric.Max)
                ? numeric.Sketch.EqualWidthBuckets(numeric.Min, numeric.Max)
                : [];
            return new FeatureStatistics(column.Name, type, column.Present, column.Missing)
            {
                Numerical = new NumericalStatistics(numeric.Mean, numeric.Sum, numeric.StandardDeviation, numeric.Min, numeric.Max, buckets, numeric.Sketch),
            };
        }
        return new FeatureStatistics(column.Name, type, column.Present, column.Missing)
        {
            String = new StringStatistics(
                column.Present == 0 ? 0 : column.DistinctCount,
                column.Categories?.Select(c => new CategoricalBucket(CategoryText(c.Value), c.Count)).ToList()),
        };
    }

    /// <summary>A category's text in statistics.json: strings as they are, booleans lower-case, dates in ISO 8601, numbers invariant.</summary>
    public static string CategoryText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        double r => r.ToString("R", CultureInfo.InvariantCulture),
        float r => r.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>One feature of a statistics.json.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="InferredType">Integral, Fractional, String or Unknown.</param>
/// <param name="NumPresent">Rows with a value.</param>
/// <param name="NumMissing">Rows without one.</param>
public sealed record FeatureStatistics(string Name, FeatureType InferredType, long NumPresent, long NumMissing)
{
    /// <summary>The numeric statistics (Integral and Fractional features).</summary>
    public NumericalStatistics? Numerical { get; init; }

    /// <summary>The string statistics (String and Unknown features).</summary>
    public StringStatistics? String { get; init; }

    /// <summary>The share of rows with a value (1 when there are no rows).</summary>
    public double Completeness => NumPresent + NumMissing == 0 ? 1.0 : (double)NumPresent / (NumPresent + NumMissing);
}

/// <summary>A numeric feature's statistics.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Sum">The sum.</param>
/// <param name="StdDev">The population standard deviation.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Buckets">Equal-width buckets from min to max, the last one closed, with counts from the sketch.</param>
/// <param name="Sketch">The KLL sketch, when the file has one.</param>
public sealed record NumericalStatistics(double Mean, double Sum, double StdDev, double Min, double Max, IReadOnlyList<KllBucket> Buckets, KllSketch? Sketch);

/// <summary>A string feature's statistics.</summary>
/// <param name="DistinctCount">The (approximate) number of distinct values.</param>
/// <param name="Buckets">Each value with its count, most frequent first, for low-cardinality features; null otherwise.</param>
public sealed record StringStatistics(long DistinctCount, IReadOnlyList<CategoricalBucket>? Buckets);

/// <summary>One category of a string feature.</summary>
/// <param name="Value">The value's text.</param>
/// <param name="Count">How many rows hold it.</param>
public readonly record struct CategoricalBucket(string Value, long Count);

/// <summary>The types SageMaker's files know: Integral, Fractional, String, Unknown (booleans are strings there).</summary>
internal static class SageMakerTypes
{
    public static FeatureType Of(FeatureType type) => type == FeatureType.Boolean ? FeatureType.String : type;

    public static string Name(FeatureType type) => Of(type).ToString();

    public static bool TryParse(string text, out FeatureType type) =>
        Enum.TryParse(text, ignoreCase: false, out type) && type != FeatureType.Boolean && Enum.IsDefined(type);
}
