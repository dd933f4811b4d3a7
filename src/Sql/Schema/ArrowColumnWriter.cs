using System.Data.Common;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Sql.Schema;

/// <summary>
/// Appends one result column's values to an Arrow array of the type <see cref="SqlSchemaReader"/> chose for it:
/// distinct values, samples and pulled columns all arrive in dq as the Arrow values its kernels already read.
/// </summary>
internal sealed class ArrowColumnWriter
{
    private readonly Action<object?> _append;
    private readonly Func<IArrowArray> _build;

    public ArrowColumnWriter(IArrowType type)
    {
        (_append, _build) = Create(type);
    }

    public void Append(DbDataReader reader, int ordinal) => _append(reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal));

    public void Append(object? value) => _append(value is DBNull ? null : value);

    public IArrowArray Build() => _build();

    private static (Action<object?>, Func<IArrowArray>) Create(IArrowType type)
    {
        switch (type)
        {
            case Int64Type:
                return Typed(new Int64Array.Builder(), (b, v) => b.Append(Convert.ToInt64(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case Int32Type:
                return Typed(new Int32Array.Builder(), (b, v) => b.Append(Convert.ToInt32(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case Int16Type:
                return Typed(new Int16Array.Builder(), (b, v) => b.Append(Convert.ToInt16(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case Int8Type:
                return Typed(new Int8Array.Builder(), (b, v) => b.Append(Convert.ToSByte(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case UInt8Type:
                return Typed(new UInt8Array.Builder(), (b, v) => b.Append(Convert.ToByte(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case UInt16Type:
                return Typed(new UInt16Array.Builder(), (b, v) => b.Append(Convert.ToUInt16(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case UInt32Type:
                return Typed(new UInt32Array.Builder(), (b, v) => b.Append(Convert.ToUInt32(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case UInt64Type:
                return Typed(new UInt64Array.Builder(), (b, v) => b.Append(Convert.ToUInt64(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case DoubleType:
                return Typed(new DoubleArray.Builder(), (b, v) => b.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case FloatType:
                return Typed(new FloatArray.Builder(), (b, v) => b.Append(Convert.ToSingle(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case BooleanType:
                return Typed(new BooleanArray.Builder(), (b, v) => b.Append(Convert.ToBoolean(v, CultureInfo.InvariantCulture)), b => b.AppendNull(), b => b.Build());
            case Decimal128Type d:
                return Typed(new Decimal128Array.Builder(d), (b, v) => b.Append(Decimal(v)), b => b.AppendNull(), b => b.Build());
            case Date32Type:
                return Typed(new Date32Array.Builder(), (b, v) => b.Append(Date(v)), b => b.AppendNull(), b => b.Build());
            case TimestampType t:
                return Typed(new TimestampArray.Builder(t), (b, v) => b.Append(Instant(v, t.Timezone)), b => b.AppendNull(), b => b.Build());
            case BinaryType:
                return Typed(new BinaryArray.Builder(), (b, v) => b.Append(Bytes(v).AsSpan()), b => b.AppendNull(), b => b.Build());
            default:
                return Typed(new StringArray.Builder(), (b, v) => b.Append(Text(v)), b => b.AppendNull(), b => b.Build());
        }
    }

    private static (Action<object?>, Func<IArrowArray>) Typed<TBuilder>(TBuilder builder, Action<TBuilder, object> append, Action<TBuilder> appendNull, Func<TBuilder, IArrowArray> build) =>
        (v =>
        {
            if (v is null)
            {
                appendNull(builder);
            }
            else
            {
                append(builder, v);
            }
        }, () => build(builder));

    private static decimal Decimal(object value) => value switch
    {
        System.Numerics.BigInteger i => (decimal)i,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static DateTime Date(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime d => d.Date,
        DateTimeOffset d => d.Date,
        _ => throw new InvalidCastException($"A date column returned a {value.GetType().Name}."),
    };

    /// <summary>Timestamps without a zone are wall-clock times; with one, instants (the session runs in UTC).</summary>
    private static DateTimeOffset Instant(object value, string? zone) => value switch
    {
        DateTimeOffset d => zone is null ? new DateTimeOffset(d.DateTime, TimeSpan.Zero) : d.ToUniversalTime(),
        DateTime d when zone is null => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), TimeSpan.Zero),
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"A timestamp column returned a {value.GetType().Name}."),
    };

    private static byte[] Bytes(object value) => value switch
    {
        byte[] b => b,
        Stream s => ReadAll(s),
        _ => throw new InvalidCastException($"A binary column returned a {value.GetType().Name}."),
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
