using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;

namespace Dq.Readers.Parquet;

/// <summary>Reads one flat column of one row group with Parquet.Net and copies it into an Arrow array.</summary>
internal static class ParquetColumnDecoder
{
    public static IArrowArray Decode(ParquetRowGroupReader rowGroup, ParquetColumn column, int rowCount, CancellationToken cancellationToken)
    {
        DataField field = column.Data!;
        IArrowType type = column.Arrow!.DataType;
        switch (type)
        {
            case BooleanType: return Primitive<bool, BooleanArray, BooleanArray.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case Int8Type: return Primitive<sbyte, Int8Array, Int8Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case Int16Type: return Primitive<short, Int16Array, Int16Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case Int32Type: return Primitive<int, Int32Array, Int32Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case Int64Type: return Primitive<long, Int64Array, Int64Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case UInt8Type: return Primitive<byte, UInt8Array, UInt8Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case UInt16Type: return Primitive<ushort, UInt16Array, UInt16Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case UInt32Type: return Primitive<uint, UInt32Array, UInt32Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case UInt64Type: return Primitive<ulong, UInt64Array, UInt64Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case FloatType when column.IsFloat16:
                return Float16(rowGroup, field, rowCount, cancellationToken);
            case FloatType when field.ClrType == typeof(Half):
                return Primitive<Half, FloatArray, FloatArray.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append((float)v), cancellationToken);
            case FloatType: return Primitive<float, FloatArray, FloatArray.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case DoubleType when field.ClrType == typeof(decimal):
                return Primitive<decimal, DoubleArray, DoubleArray.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append((double)v), cancellationToken);
            case DoubleType: return Primitive<double, DoubleArray, DoubleArray.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case Decimal128Type decimalType:
                return Primitive<decimal, Decimal128Array, Decimal128Array.Builder>(rowGroup, field, rowCount, new(decimalType), (b, v) => b.Append(v), cancellationToken);
            case Date32Type: return Primitive<DateOnly, Date32Array, Date32Array.Builder>(rowGroup, field, rowCount, new(), (b, v) => b.Append(v), cancellationToken);
            case TimestampType timestampType when field.ClrType == typeof(DateTimeOffset):
                return Primitive<DateTimeOffset, TimestampArray, TimestampArray.Builder>(rowGroup, field, rowCount, new(timestampType), (b, v) => b.Append(v), cancellationToken);
            case TimestampType timestampType:
                return Primitive<DateTime, TimestampArray, TimestampArray.Builder>(rowGroup, field, rowCount, new(timestampType), (b, v) => b.Append(ToOffset(v)), cancellationToken);
            case StringType: return Strings(rowGroup, field, rowCount, cancellationToken);
            case BinaryType: return Binary(rowGroup, field, rowCount, cancellationToken);
            default: throw new InvalidOperationException($"No decoder for the Arrow type {type.Name} of column `{column.Name}`.");
        }
    }

    /// <summary>
    /// A timestamp's wall-clock value as an offset of zero: Parquet.Net returns UTC-adjusted timestamps as UTC and local
    /// (not adjusted) ones as unspecified, and either way the ticks are the instant or wall time the file stores.
    /// </summary>
    private static DateTimeOffset ToOffset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero);

    private static TArray Primitive<T, TArray, TBuilder>(
        ParquetRowGroupReader rowGroup, DataField field, int rowCount, TBuilder builder, Action<TBuilder, T> append, CancellationToken cancellationToken)
        where T : struct
        where TArray : IArrowArray
        where TBuilder : IArrowArrayBuilder<TArray, TBuilder>
    {
        if (field.IsNullable)
        {
            var values = new T?[rowCount];
            rowGroup.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).AsTask().GetAwaiter().GetResult();
            foreach (T? value in values)
            {
                if (value is { } v)
                {
                    append(builder, v);
                }
                else
                {
                    builder.AppendNull();
                }
            }
        }
        else
        {
            var values = new T[rowCount];
            rowGroup.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).AsTask().GetAwaiter().GetResult();
            foreach (T value in values)
            {
                append(builder, value);
            }
        }
        return builder.Build(default);
    }

    private static StringArray Strings(ParquetRowGroupReader rowGroup, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        var values = new string?[rowCount];
        rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).AsTask().GetAwaiter().GetResult();
        var builder = new StringArray.Builder();
        foreach (string? value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value);
            }
        }
        return builder.Build();
    }

    private static FloatArray Float16(ParquetRowGroupReader rowGroup, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        var values = new byte[]?[rowCount];
        rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).AsTask().GetAwaiter().GetResult();
        var builder = new FloatArray.Builder().Reserve(rowCount);
        foreach (byte[]? value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else if (value.Length == 2)
            {
                builder.Append((float)BitConverter.ToHalf(value));
            }
            else
            {
                throw new InvalidDataException($"a FLOAT16 value has {value.Length} bytes instead of 2.");
            }
        }
        return builder.Build();
    }

    private static BinaryArray Binary(ParquetRowGroupReader rowGroup, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        var values = new byte[]?[rowCount];
        rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).AsTask().GetAwaiter().GetResult();
        var builder = new BinaryArray.Builder();
        foreach (byte[]? value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value.AsSpan());
            }
        }
        return builder.Build();
    }
}
