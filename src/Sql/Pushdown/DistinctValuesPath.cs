using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>
/// Row-level checks whose verdict depends on the value alone, judged once per distinct value by dq's own kernel:
/// the unexpected count is the sum of the unexpected values' row counts, and the sample comes from one query for
/// the rows holding those values, in row order, with LIMIT.
/// </summary>
internal static class DistinctValuesPath
{
    public static bool Accepts(MetricKey key, Apache.Arrow.Schema schema)
    {
        if (key is not (ValueCountsKey or StrftimeMismatchKey or TextPatternKey or JsonParseKey or JsonSchemaKey or DateutilParseKey
            or ValueTypeKey or OutOfRangeKey or SetMembershipKey or TextLengthKey))
        {
            return false;
        }
        var index = schema.GetFieldIndex(((ColumnMetricKey)key).Column);
        // Binary values have no value equality to find their rows again by; those few columns are pulled.
        return index >= 0 && schema.GetFieldByIndex(index).DataType is not Apache.Arrow.Types.BinaryType;
    }

    /// <summary>The table's state from the kernel's verdicts on the distinct values.</summary>
    public static MetricState Weigh(SqlSession session, Apache.Arrow.Schema schema, MetricKey key, MetricState judged, DistinctValues values, int limit, CancellationToken cancellationToken)
    {
        var verdicts = ((IUnexpectedRowsSource)judged).ToUnexpectedRows();
        var unexpectedRows = verdicts.Sample.Rows.Select(r => (int)r.RowIndex).ToList();
        var column = values.Batch.Column(0);
        var nullWeight = Enumerable.Range(0, values.Batch.Length).Where(column.IsNull).Sum(i => values.Weights[i]);
        var table = judged is TextCheckState ? new TextCheckState(limit) : null;
        var rows = table?.Rows ?? new UnexpectedRowsState(limit);
        rows.Count = unexpectedRows.Sum(i => values.Weights[i]);
        // Only nulls are skipped by a single-column check (a type check counts them so); the null group is one row here.
        rows.Skipped = verdicts.Skipped == 0 ? 0 : nullWeight;
        if (judged is TextCheckState { Abort: { } abort })
        {
            table!.RecordAbort(0, abort);
        }
        if (rows.Count > 0 && limit > 0)
        {
            var unexpected = unexpectedRows.Select(i => (Engine: ArrowValues.Get(column, i), Raw: values.Raw[i])).ToList();
            SampleQuery.FillByValues(session, schema, key.Filter, values.Field, unexpected, rows, limit, cancellationToken);
        }
        return (MetricState?)table ?? rows;
    }
}
