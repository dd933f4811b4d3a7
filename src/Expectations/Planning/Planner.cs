using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Conditions;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Kernels.Range;
using Dq.Expectations.Kernels.Sets;
using Dq.Expectations.Kernels.Strftime;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Planning;

/// <summary>
/// Turns the metric requests of a suite into an <see cref="ExecutionPlan"/>: equal keys merged, one scan per
/// column, each key's kernel specialized for the column's type, and precondition failures recorded.
/// </summary>
internal static class Planner
{
    public static ExecutionPlan Plan(IEnumerable<MetricRequest> requests, Schema schema, KernelVariant variant)
    {
        var limits = new Dictionary<MetricKey, int>();
        foreach (var request in requests)
        {
            limits[request.Key] = Math.Max(request.SampleLimit, limits.GetValueOrDefault(request.Key));
        }

        var failures = new Dictionary<MetricKey, string>();
        var rowCounts = new List<RowCountKey>();
        var byScan = new Dictionary<(string Column, RowFilter? Filter), List<(MetricKey Key, ColumnKernel Kernel)>>();
        foreach (var (key, limit) in limits)
        {
            if (key.Filter is { } filter && MissingFilterColumn(filter, schema) is { } missing)
            {
                failures[key] = missing;
                continue;
            }
            if (key is RowCountKey rowCount)
            {
                rowCounts.Add(rowCount);
                continue;
            }
            if (key is not ColumnMetricKey columnKey)
            {
                throw new InvalidOperationException($"No scan is planned for metric {key.GetType().Name}.");
            }
            var fieldIndex = schema.GetFieldIndex(columnKey.Column);
            if (fieldIndex < 0)
            {
                failures[key] = MissingColumn(columnKey.Column, schema);
                continue;
            }
            try
            {
                var field = schema.GetFieldByIndex(fieldIndex);
                var scanned = new Field(field.Name, DictionaryDecoder.ValueType(field.DataType), field.IsNullable);
                var kernel = CreateKernel(columnKey, scanned, variant, limit);
                var scan = (columnKey.Column, key.Filter);
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
            .OrderBy(c => schema.GetFieldIndex(c.Key.Column))
            .Select(c => new ColumnScan(
                c.Key.Column,
                schema.GetFieldIndex(c.Key.Column),
                [.. c.Value.Select(m => new PlannedMetric(m.Key, m.Kernel, slot++))],
                DictionaryDecoder.Decodes(schema.GetFieldByIndex(schema.GetFieldIndex(c.Key.Column)).DataType),
                c.Key.Filter))
            .ToList();
        var counts = rowCounts.Select(k => new PlannedRowCount(k, slot++)).ToList();
        return new ExecutionPlan(scans, counts, failures, slot);
    }

    private static string? MissingFilterColumn(RowFilter filter, Schema schema) =>
        filter.Columns.FirstOrDefault(c => schema.GetFieldIndex(c) < 0) is { } column
            ? $"row_condition `{filter}` reads column `{column}`, which is not in the data; the columns are {string.Join(", ", schema.FieldsList.Select(f => $"`{f.Name}`"))}."
            : null;

    internal static string MissingColumn(string column, Schema schema) =>
        $"column `{column}` is not in the data; the columns are {string.Join(", ", schema.FieldsList.Select(f => $"`{f.Name}`"))}. Check the name (it is case-sensitive) or the reader's header option.";

    private static ColumnKernel CreateKernel(ColumnMetricKey key, Field field, KernelVariant variant, int limit) => key switch
    {
        NullRowsKey => new NullRowsKernel(nullsAreUnexpected: true, limit),
        NonNullRowsKey => new NullRowsKernel(nullsAreUnexpected: false, limit),
        OutOfRangeKey range => RangeKernels.Create(field, range.Bounds, variant, limit),
        SetMembershipKey set => SetKernels.Create(field, set.Values, set.MustBeInSet, limit),
        StrftimeMismatchKey strftime => StrftimeKernel.Create(field, strftime.Format, limit),
        DuplicateRowsKey => DuplicateKernels.Create(field, limit),
        _ => throw new InvalidOperationException($"No kernel is registered for metric {key.GetType().Name}."),
    };

    /// <summary>Whether the column holds text (directly or dictionary-encoded).</summary>
    internal static bool IsText(IArrowType type) => type is StringType or DictionaryType { ValueType: StringType };
}
