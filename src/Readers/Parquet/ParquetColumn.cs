using Apache.Arrow.Types;
using Parquet.Schema;
using ArrowField = Apache.Arrow.Field;

namespace Dq.Readers.Parquet;

/// <summary>
/// One top-level column of a Parquet file: either a flat data field with its Arrow type, or the reason it cannot be read
/// (nested, or a type dq does not map), which becomes an error only when the column is requested.
/// </summary>
internal sealed record ParquetColumn(string Name, DataField? Data, ArrowField? Arrow, string? NestedShape, string? UnsupportedType)
{
    /// <summary>A FLOAT16 column, read as its 2-byte values (Parquet.Net has no Half support) and widened to float32.</summary>
    public bool IsFloat16 { get; init; }

    public static ParquetColumn Map(Field field, ISet<string> float16)
    {
        if (field is DataField { IsArray: false, MaxRepetitionLevel: 0 } half && float16.Contains(field.Name))
        {
            return new ParquetColumn(field.Name, half, new ArrowField(field.Name, FloatType.Default, nullable: true), null, null) { IsFloat16 = true };
        }
        return Map(field);
    }

    public static ParquetColumn Map(Field field)
    {
        if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
        {
            string shape = field.SchemaType switch
            {
                SchemaType.List => "list",
                SchemaType.Map => "map",
                SchemaType.Struct => "struct",
                _ => "repeated",
            };
            return new ParquetColumn(field.Name, null, null, shape, null);
        }
        IArrowType? type = ArrowTypeOf(data);
        return type is null
            ? new ParquetColumn(field.Name, null, null, null, $"{data.SchemaElement?.Type.ToString() ?? "?"} (read as {data.ClrType.Name})")
            : new ParquetColumn(field.Name, data, new ArrowField(field.Name, type, nullable: true), null, null);
    }

    /// <summary>The Arrow type of a flat field, or <see langword="null"/> when dq does not map its CLR type.</summary>
    /// <remarks>
    /// Timestamps become microseconds since the Unix epoch, in UTC when the file says they are adjusted to UTC (and
    /// for INT96, whose writers store UTC). Decimals keep the file's precision and scale up to 38 digits (Arrow's
    /// decimal128); wider decimals become doubles, since decimal128 cannot hold them. Float16 widens to float32.
    /// </remarks>
    private static IArrowType? ArrowTypeOf(DataField data)
    {
        Type clr = data.ClrType;
        return clr switch
        {
            _ when clr == typeof(bool) => BooleanType.Default,
            _ when clr == typeof(sbyte) => Int8Type.Default,
            _ when clr == typeof(short) => Int16Type.Default,
            _ when clr == typeof(int) => Int32Type.Default,
            _ when clr == typeof(long) => Int64Type.Default,
            _ when clr == typeof(byte) => UInt8Type.Default,
            _ when clr == typeof(ushort) => UInt16Type.Default,
            _ when clr == typeof(uint) => UInt32Type.Default,
            _ when clr == typeof(ulong) => UInt64Type.Default,
            _ when clr == typeof(Half) => FloatType.Default,
            _ when clr == typeof(float) => FloatType.Default,
            _ when clr == typeof(double) => DoubleType.Default,
            _ when clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>) => StringType.Default,
            _ when clr == typeof(byte[]) || clr == typeof(ReadOnlyMemory<byte>) => BinaryType.Default,
            _ when clr == typeof(DateOnly) => Date32Type.Default,
            _ when clr == typeof(DateTime) => new TimestampType(TimeUnit.Microsecond, IsUtc(data) ? "UTC" : null),
            _ when clr == typeof(DateTimeOffset) => new TimestampType(TimeUnit.Microsecond, "UTC"),
            _ when clr == typeof(decimal) => DecimalType(data),
            _ => null,
        };
    }

    private static bool IsUtc(DataField data) => data is DateTimeDataField { IsAdjustedToUTC: true };

    private static IArrowType DecimalType(DataField data)
    {
        (int precision, int scale) = data is DecimalDataField d ? (d.Precision, d.Scale) : (38, 18);
        return precision > 38 ? DoubleType.Default : new Decimal128Type(precision, scale);
    }
}
