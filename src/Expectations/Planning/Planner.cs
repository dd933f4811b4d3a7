using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Conditions;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Kernels.Range;
using Dq.Expectations.Kernels.Sets;
using Dq.Expectations.Kernels.Strftime;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Planning;

/// <summary>
/// Turns the metric requests of a suite into an <see cref="ExecutionPlan"/>: equal keys merged, one scan per
/// column, each key's kernel specialized for the column's type, and precondition failures recorded.
/// </summary>
internal static class Planner
{
    /// <param name="requests">The metrics to compute.</param>
    /// <param name="schema">The data's schema.</param>
    /// <param name="variant">The kernel variant to run.</param>
    /// <param name="prior">The metrics of an earlier pass, which keys with prerequisites build their kernels from.</param>
    public static ExecutionPlan Plan(IEnumerable<MetricRequest> requests, Schema schema, KernelVariant variant, MetricResults? prior = null)
    {
        var limits = new Dictionary<MetricKey, int>();
        foreach (var request in requests)
        {
            limits[request.Key] = Math.Max(request.SampleLimit, limits.GetValueOrDefault(request.Key));
        }

        var failures = new Dictionary<MetricKey, string>();
        var rowCounts = new List<RowCountKey>();
        var byScan = new Dictionary<(ColumnList Columns, RowFilter? Filter), List<(MetricKey Key, ColumnKernel Kernel)>>();
        foreach (var (key, limit) in limits)
        {
            if (key.Filter is { } filter && MissingFilterColumn(filter, schema) is { } missing)
            {
                failures[key] = missing;
                continue;
            }
            if (key.Prerequisites.Select(p => prior?.FailureOf(p with { Filter = key.Filter })).FirstOrDefault(f => f is not null) is { } failedFirst)
            {
                failures[key] = failedFirst;
                continue;
            }
            if (key is RowCountKey rowCount)
            {
                rowCounts.Add(rowCount);
                continue;
            }
            var columns = key switch
            {
                ColumnMetricKey c => new ColumnList([c.Column]),
                MultiColumnMetricKey m => m.Columns,
                _ => throw new InvalidOperationException($"No scan is planned for metric {key.GetType().Name}."),
            };
            if (columns.Names.FirstOrDefault(c => schema.GetFieldIndex(c) < 0) is { } absent)
            {
                failures[key] = ColumnFacts.MissingColumn(absent, schema);
                continue;
            }
            try
            {
                var fields = columns.Names.Select(c => Scanned(schema.GetFieldByIndex(schema.GetFieldIndex(c)))).ToList();
                var kernel = key is ColumnMetricKey columnKey
                    ? CreateKernel(columnKey, fields[0], variant, limit, prior)
                    : ((MultiColumnMetricKey)key).CreateKernel(fields, limit);
                var scan = (columns, key.Filter);
                if (!byScan.TryGetValue(scan, out var list))
                {
                    byScan[scan] = list = [];
                }
                list.Add((key, kernel));
            }
            catch (MetricPreconditionException e)
            {
                failures[key] = e.Message;
            }
        }

        var slot = 0;
        var scans = byScan
            .OrderBy(c => schema.GetFieldIndex(c.Key.Columns.Names[0]))
            .ThenBy(c => c.Key.Columns.Names.Count)
            .Select(c => new ColumnScan(
                c.Key.Columns.Names,
                [.. c.Value.Select(m => new PlannedMetric(m.Key, m.Kernel, slot++))],
                c.Key.Columns.Names.Any(n => DictionaryDecoder.Decodes(schema.GetFieldByIndex(schema.GetFieldIndex(n)).DataType)),
                c.Key.Filter))
            .ToList();
        var counts = rowCounts.Select(k => new PlannedRowCount(k, slot++)).ToList();
        return new ExecutionPlan(scans, counts, failures, slot);
    }

    /// <summary>
    /// The field as kernels see it: with the type of its values. Dictionary-encoded numbers and dates are scanned
    /// decoded; dictionary-encoded text arrives encoded, and every kernel that takes text reads both forms, so a
    /// kernel chooses its path, and words its messages, from the value type alone, as for a plain column.
    /// </summary>
    private static Field Scanned(Field field) =>
        new(field.Name, field.DataType is DictionaryType dictionary ? dictionary.ValueType : field.DataType, field.IsNullable);

    private static string? MissingFilterColumn(RowFilter filter, Schema schema) =>
        filter.Columns.FirstOrDefault(c => schema.GetFieldIndex(c) < 0) is { } column
            ? $"row_condition `{filter}` reads column `{column}`, which is not in the data.{NearestName.DidYouMean(column, schema.FieldsList.Select(f => f.Name))} The columns are {string.Join(", ", schema.FieldsList.Select(f => $"`{f.Name}`"))}."
            : null;

    private static ColumnKernel CreateKernel(ColumnMetricKey key, Field field, KernelVariant variant, int limit, MetricResults? prior) => key switch
    {
        NullRowsKey => new NullRowsKernel(nullsAreUnexpected: true, limit),
        NonNullRowsKey => new NullRowsKernel(nullsAreUnexpected: false, limit),
        OutOfRangeKey range => RangeKernels.Create(field, range.Bounds, variant, limit),
        SetMembershipKey set => SetKernels.Create(field, set.Values, set.MustBeInSet, limit),
        StrftimeMismatchKey strftime => StrftimeKernel.Create(field, strftime.Format, limit),
        DuplicateRowsKey => DuplicateKernels.Create(field, limit),
        ColumnSummaryKey => SummaryKernels.Create(field),
        ValueCountsKey => DuplicateKernels.Create(field, 0, trackRows: false),
        TextPatternKey pattern => Kernels.Text.PatternKernel.Create(field, pattern, limit),
        TextLengthKey length => Kernels.Text.TextLengthKernel.Create(field, length, limit),
        JsonParseKey => Kernels.Text.JsonParseKernel.Create(field, limit),
        JsonSchemaKey json => Kernels.Text.JsonSchemaKernel.Create(field, json.Schema, limit),
        DateutilParseKey => Kernels.Text.DateutilKernel.Create(field, limit),
        ValueTypeKey type => Kernels.Types.ValueTypeKernel.Create(field, type, limit),
        OrderKey order => Kernels.Order.OrderKernel.Create(field, order, limit),
        QuantileSketchKey => Kernels.Profile.QuantileSketchKernel.Create(field),
        DistinctSketchKey => Kernels.Profile.DistinctSketchKernel.Create(field),
        BoundedValueCountsKey counts => Kernels.Profile.BoundedValueCountsKernel.Create(field, counts.Cap),
        TextProfileKey => Kernels.Profile.TextProfileKernel.Create(field),
        ZScoreKey z => Kernels.ZScore.ZScoreKernel.Create(field, z, limit, prior!.State<ColumnSummaryState>(new ColumnSummaryKey(z.Column) { Filter = z.Filter })),
        _ => throw new InvalidOperationException($"No kernel is registered for metric {key.GetType().Name}."),
    };
}
