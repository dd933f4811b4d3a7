using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Profile;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Profiling;

/// <summary>
/// Profiles every column of a batch source in one shared scan, as Deequ's ColumnProfiler does in three: counts and
/// missing values, Deequ's type inference for text, moments and a KLL sketch for numbers, an HLL++ distinct count,
/// and exact value counts for columns of at most <see cref="ProfileOptions.CategoricalThreshold"/> distinct values.
/// Memory is bounded by the number of columns, not rows: sketches have fixed size and the value counts stop at the
/// threshold.
/// </summary>
public static class Profiler
{
    /// <summary>Profiles the batches of <paramref name="source"/>.</summary>
    /// <exception cref="DataReadException">The source could not be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static DataProfile Profile(IBatchSource source, ProfileOptions? options = null, CancellationToken cancellationToken = default) =>
        ProfileWith(source, options ?? new ProfileOptions(), [], cancellationToken).Profile;

    /// <summary>Profiles the batches and computes <paramref name="extra"/> metrics in the same scan (a monitor's domain counts).</summary>
    internal static (DataProfile Profile, MetricResults Metrics) ProfileWith(IBatchSource source, ProfileOptions options, IReadOnlyCollection<MetricRequest> extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CategoricalThreshold);
        var schema = source.Schema;
        var fields = schema.FieldsList.Select(f => (f.Name, Type: ValueType(f.DataType))).ToList();
        var requests = new List<MetricRequest> { new(new RowCountKey()) };
        foreach (var (name, type) in fields)
        {
            requests.AddRange(Requests(name, type, options.CategoricalThreshold).Select(k => new MetricRequest(k)));
        }
        requests.AddRange(extra);
        var plan = Planner.Plan(requests, schema, KernelVariants.Best);
        if (plan.Failures.Count > 0)
        {
            var (failedKey, why) = plan.Failures.First();
            throw new InvalidOperationException($"The profile could not plan {failedKey}: {why}");
        }
        var metrics = PlanExecutor.Run(source, plan, new ExecutionOptions { Threads = options.Threads }, cancellationToken);
        var rows = metrics.RowCount;
        var columns = fields.Select(f => Column(f.Name, f.Type, rows, metrics, options.CategoricalThreshold)).ToList();
        return (new DataProfile(source.Name, rows, columns, options.CategoricalThreshold), metrics);
    }

    /// <summary>Profiles one in-memory batch.</summary>
    public static DataProfile Profile(RecordBatch batch, ProfileOptions? options = null)
    {
        using var source = new RecordBatchSource(batch);
        return Profile(source, options);
    }

    internal static IArrowType ValueType(IArrowType type) => type is DictionaryType dictionary ? dictionary.ValueType : type;

    private static bool IsNumber(IArrowType type) =>
        type is Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type or UInt32Type or UInt64Type
            or FloatType or DoubleType or Decimal128Type or Decimal256Type;

    internal static IEnumerable<MetricKey> Requests(string column, IArrowType type, int threshold)
    {
        yield return new NullRowsKey(column);
        yield return new DistinctSketchKey(column);
        yield return new BoundedValueCountsKey(column, threshold);
        if (IsNumber(type))
        {
            yield return new ColumnSummaryKey(column);
            yield return new QuantileSketchKey(column);
        }
        else if (ColumnFacts.IsText(type))
        {
            yield return new TextProfileKey(column);
        }
    }

    internal static ColumnProfile Column(string name, IArrowType type, long rows, MetricResults metrics, int threshold)
    {
        var nulls = metrics.UnexpectedRows(new NullRowsKey(name)).Count;
        var counts = metrics.State<BoundedValueCountsState>(new BoundedValueCountsKey(name, threshold));
        var categories = Categories(counts);
        var distinct = metrics.State<DistinctSketchState>(new DistinctSketchKey(name)).Sketch;
        if (IsNumber(type))
        {
            var summary = metrics.Summary(name);
            var present = summary.Count;
            var isInteger = type is not (FloatType or DoubleType or Decimal128Type or Decimal256Type);
            return new ColumnProfile
            {
                Name = name,
                Type = present == 0 ? FeatureType.Unknown : isInteger ? FeatureType.Integral : FeatureType.Fractional,
                Present = present,
                Missing = rows - present,
                Numeric = present == 0 ? null : Numeric(summary, metrics.State<QuantileSketchState>(new QuantileSketchKey(name)).Sketch),
                Distinct = distinct,
                Categories = categories,
            };
        }
        if (ColumnFacts.IsText(type))
        {
            var text = metrics.State<TextProfileState>(new TextProfileKey(name));
            var typeCounts = new TypeCounts(text.Integral, text.Fractional, text.Boolean, text.Other);
            var inferred = typeCounts.Decide();
            return new ColumnProfile
            {
                Name = name,
                Type = inferred,
                TypeCounts = typeCounts,
                Present = rows - nulls,
                Missing = nulls,
                Numeric = inferred is FeatureType.Integral or FeatureType.Fractional ? Numeric(text.Numbers, text.Sketch) : null,
                Distinct = distinct,
                Categories = categories,
                MinLength = text.MinLength < 0 ? null : text.MinLength,
                MaxLength = text.MaxLength < 0 ? null : text.MaxLength,
            };
        }
        return new ColumnProfile
        {
            Name = name,
            Type = rows - nulls == 0 ? FeatureType.Unknown : type is BooleanType ? FeatureType.Boolean : FeatureType.String,
            Present = rows - nulls,
            Missing = nulls,
            Distinct = distinct,
            Categories = categories,
        };
    }

    /// <summary>The exact categories, most frequent first, or null when the counts stopped at their cap.</summary>
    internal static IReadOnlyList<CategoryCount>? Categories(BoundedValueCountsState counts) =>
        counts.Overflowed ? null : ColumnProfile.Ordered(counts.Counts.Select(c => new CategoryCount(c.Key, c.Value)));

    internal static NumericProfile Numeric(ColumnSummaryState summary, KllSketch sketch) =>
        new(summary.Count, summary.Sum, summary.Mean, summary.SquaredDeviations, ToDouble(summary.Min), ToDouble(summary.Max), sketch);

    private static double ToDouble(object? value) => value is null ? double.NaN : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
