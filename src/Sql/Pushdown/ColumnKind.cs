using Apache.Arrow.Types;

namespace Dq.Sql.Pushdown;

/// <summary>How dq compares a column's values, from its Arrow type: the kinds SQL can compare exactly as dq does.</summary>
internal enum ColumnKind { Integer, Real, Decimal, Text, Boolean, Date, Timestamp, ZonedTimestamp, Other }

internal static class ColumnKinds
{
    public static ColumnKind Of(IArrowType type) => type switch
    {
        Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type or UInt32Type => ColumnKind.Integer,
        FloatType or DoubleType => ColumnKind.Real,
        Decimal128Type => ColumnKind.Decimal,
        StringType => ColumnKind.Text,
        BooleanType => ColumnKind.Boolean,
        Date32Type => ColumnKind.Date,
        TimestampType { Timezone: null or "" } => ColumnKind.Timestamp,
        TimestampType => ColumnKind.ZonedTimestamp,
        _ => ColumnKind.Other,
    };

    public static bool IsNumber(this ColumnKind kind) => kind is ColumnKind.Integer or ColumnKind.Real or ColumnKind.Decimal;
}
