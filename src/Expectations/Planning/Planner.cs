using Apache.Arrow;
using Apache.Arrow.Types;
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
        var byColumn = new Dictionary<string, List<(MetricKey Key, ColumnKernel Kernel)>>(StringComparer.Ordinal);
        foreach (var (key, limit) in limits)
        {
            if (key is not ColumnMetricKey columnKey)
            {
                continue; // table metrics come from the batches themselves, not from a column scan
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
                var scanned = new Field(field.Name, Columns.DictionaryDecoder.ValueType(field.DataType), field.IsNullable);
                var kernel = CreateKernel(columnKey, scanned, variant, limit);
                if (!byColumn.TryGetValue(columnKey.Column, out var list))
                {
                    byColumn[columnKey.Column] = list = [];
                }
                list.Add((key, kernel));
            }
            catch (MetricPreconditionException e)
            {
                failures[key] = e.Message;
            }
        }

        var slot = 0;
        var scans = byColumn
            .OrderBy(c => schema.GetFieldIndex(c.Key))
            .Select(c => new ColumnScan(
                c.Key,
                schema.GetFieldIndex(c.Key),
                [.. c.Value.Select(m => new PlannedMetric(m.Key, m.Kernel, slot++))],
                Columns.DictionaryDecoder.Decodes(schema.GetFieldByIndex(schema.GetFieldIndex(c.Key)).DataType)))
            .ToList();
        return new ExecutionPlan(scans, failures, slot);
    }

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
