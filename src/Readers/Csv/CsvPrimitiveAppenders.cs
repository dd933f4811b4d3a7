using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Csv;

/// <summary>Parses one field into a fixed-width value; a struct so that the appender's loop is specialized per type.</summary>
internal interface ICsvValueParser<T>
    where T : unmanaged
{
    bool TryParse(ReadOnlySpan<byte> value, out T result);
}

/// <summary>A fixed-width column (int64, double, date32, timestamp): values are written into the batch's buffer in place.</summary>
internal sealed class PrimitiveAppender<T, TParser>(CsvColumnContext context, int capacity, CsvBufferPool pool, IArrowType type, TParser parser)
    : CsvColumnAppender(context, capacity, pool)
    where T : unmanaged
    where TParser : struct, ICsvValueParser<T>
{
    private TParser _parser = parser;
    private byte[] _values = pool.Rent(capacity * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    public override void Append(CsvFieldBlock block, int column, int first, int count)
    {
        Span<T> values = MemoryMarshal.Cast<byte, T>(_values.AsSpan());
        ReadOnlySpan<int> starts = block.Starts, ends = block.Ends;
        ReadOnlySpan<byte> buffer = block.Buffer;
        CsvNullTokens nulls = Context.Nulls;
        int stride = block.Columns, length = Length;
        for (int r = first, index = first * stride + column; r < first + count; r++, index += stride)
        {
            ReadOnlySpan<byte> field = buffer[starts[index]..ends[index]];
            if (nulls.IsNull(field))
            {
                Validity.SetNull(length);
                values[length++] = default;
            }
            else if (_parser.TryParse(field, out T value))
            {
                values[length++] = value;
            }
            else
            {
                throw Context.Mismatch(block.Lines[r], field);
            }
        }
        Length = length;
    }

    public override IArrowArray Build()
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        int nulls = Validity.NullCount;
        var data = new ArrayData(type, Length, nulls, 0, [Validity.Build(Length), new ArrowBuffer(_values.AsMemory(0, Length * size))]);
        _values = Pool.Rent(Capacity * size);
        Length = 0;
        return ArrowArrayFactory.BuildArray(data);
    }
}

internal readonly struct Int64Parser(bool inferred) : ICsvValueParser<long>
{
    public bool TryParse(ReadOnlySpan<byte> value, out long result) =>
        CsvValueParser.TryParseInt64(value, out result) && !(inferred && CsvValueParser.HasLeadingZero(value));
}

internal readonly struct DoubleParser(bool inferred) : ICsvValueParser<double>
{
    public bool TryParse(ReadOnlySpan<byte> value, out double result) =>
        CsvValueParser.TryParseDouble(value, out result) && !(inferred && CsvValueParser.HasLeadingZero(value));
}
