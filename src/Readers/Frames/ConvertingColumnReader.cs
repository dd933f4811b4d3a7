using Apache.Arrow;
using Apache.Arrow.Types;
using Microsoft.Data.Analysis;

namespace Dq.Readers.Frames;

/// <summary>
/// Reads a DataFrame column whose values need converting to Arrow's layout (booleans to bits, dates, timestamps,
/// decimals, characters): the values are read from the column's memory spans, without boxing.
/// </summary>
internal sealed class ConvertingColumnReader<T> : FrameColumnReader
    where T : unmanaged
{
    private readonly FrameChunks<T> _chunks;
    private readonly Decimal128Type? _decimalType;

    public ConvertingColumnReader(PrimitiveDataFrameColumn<T> column, Decimal128Type? decimalType)
    {
        _chunks = new(column.GetReadOnlyDataBuffers(), column.GetReadOnlyNullBitMapBuffers(), column.GetReadOnlyDataBuffers().Select(b => b.Length), column.NullCount > 0);
        _decimalType = decimalType;
        Type = ClrArrayBuilders.Create<T>(decimalType).Type;
    }

    public override IArrowType Type { get; }

    public override IArrowArray Read(long start, int length)
    {
        var builder = ClrArrayBuilders.Create<T>(_decimalType);
        Copy(_chunks, start, length, builder);
        return builder.Build();
    }

    /// <summary>Appends rows [start, start + length) to <paramref name="builder"/>, chunk by chunk.</summary>
    public static void Copy(FrameChunks<T> chunks, long start, int length, ClrArrayBuilder<T> builder)
    {
        while (length > 0)
        {
            var (chunk, offset, remaining) = chunks.Locate(start);
            var count = Math.Min(length, remaining);
            var values = chunks.Values(chunk).Span.Slice(offset, count);
            for (var i = 0; i < values.Length; i++)
            {
                if (chunks.IsValid(chunk, offset + i))
                {
                    builder.Append(values[i]);
                }
                else
                {
                    builder.AppendNull();
                }
            }
            start += count;
            length -= count;
        }
    }
}
