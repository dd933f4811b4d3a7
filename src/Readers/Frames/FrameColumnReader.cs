using Apache.Arrow;
using Apache.Arrow.Types;
using Microsoft.Data.Analysis;

namespace Dq.Readers.Frames;

/// <summary>Turns a range of rows of one DataFrame column into an Arrow array.</summary>
internal abstract class FrameColumnReader
{
    public abstract IArrowType Type { get; }

    /// <summary>Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) as an array.</summary>
    public abstract IArrowArray Read(long start, int length);

    /// <summary>Chooses the reader for <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentException">The column's values have no Arrow mapping.</exception>
    public static FrameColumnReader Create(DataFrameColumn column, string paramName) => column switch
    {
        ArrowStringDataFrameColumn strings => new ArrowStringColumnReader(strings),
        StringDataFrameColumn strings => new StringColumnReader(strings),
        PrimitiveDataFrameColumn<sbyte> c => new PrimitiveColumnReader<sbyte>(c, Int8Type.Default),
        PrimitiveDataFrameColumn<short> c => new PrimitiveColumnReader<short>(c, Int16Type.Default),
        PrimitiveDataFrameColumn<int> c => new PrimitiveColumnReader<int>(c, Int32Type.Default),
        PrimitiveDataFrameColumn<long> c => new PrimitiveColumnReader<long>(c, Int64Type.Default),
        PrimitiveDataFrameColumn<byte> c => new PrimitiveColumnReader<byte>(c, UInt8Type.Default),
        PrimitiveDataFrameColumn<ushort> c => new PrimitiveColumnReader<ushort>(c, UInt16Type.Default),
        PrimitiveDataFrameColumn<uint> c => new PrimitiveColumnReader<uint>(c, UInt32Type.Default),
        PrimitiveDataFrameColumn<ulong> c => new PrimitiveColumnReader<ulong>(c, UInt64Type.Default),
        PrimitiveDataFrameColumn<Half> c => new PrimitiveColumnReader<Half>(c, HalfFloatType.Default),
        PrimitiveDataFrameColumn<float> c => new PrimitiveColumnReader<float>(c, FloatType.Default),
        PrimitiveDataFrameColumn<double> c => new PrimitiveColumnReader<double>(c, DoubleType.Default),
        PrimitiveDataFrameColumn<decimal> c => new ConvertingColumnReader<decimal>(c, DecimalType(c, paramName)),
        _ when ClrArrayBuilders.IsSupported(column.DataType) => CreateGeneric(column, paramName),
        _ => throw FrameErrors.UnsupportedColumn(column, paramName),
    };

    private static FrameColumnReader CreateGeneric(DataFrameColumn column, string paramName)
    {
        var valueType = column.DataType;
        var primitive = typeof(PrimitiveDataFrameColumn<>).MakeGenericType(valueType);
        var readerType = primitive.IsInstanceOfType(column)
            ? typeof(ConvertingColumnReader<>).MakeGenericType(valueType)
            : typeof(BoxedColumnReader<>).MakeGenericType(valueType);
        var decimalType = ClrArrayBuilders.IsDecimal(valueType) ? DecimalType(column, paramName) : null;
        return (FrameColumnReader)Activator.CreateInstance(readerType, column, decimalType)!;
    }

    private static Decimal128Type DecimalType(DataFrameColumn column, string paramName)
    {
        var scale = new DecimalScale();
        for (long i = 0; i < column.Length; i++)
        {
            if (column[i] is decimal value)
            {
                scale.Add(value);
            }
        }
        return scale.ToType(column.Name, paramName);
    }
}
