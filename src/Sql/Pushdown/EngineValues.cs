using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Sql.Schema;

namespace Dq.Sql.Pushdown;

/// <summary>
/// A database value as dq's kernels would have seen it in the column (a long for every integer type, a DateOnly
/// for a date, …): written into a one-value Arrow array of the column's type and read back, so the two paths
/// cannot drift apart.
/// </summary>
internal static class EngineValues
{
    public static object? Of(object? databaseValue, Field field)
    {
        if (databaseValue is null or DBNull)
        {
            return null;
        }
        var writer = new ArrowColumnWriter(field.DataType);
        writer.Append(databaseValue);
        return ArrowValues.Get(writer.Build(), 0);
    }
}
