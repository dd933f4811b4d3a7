using Apache.Arrow;
using Apache.Arrow.Types;
using Microsoft.Data.Analysis;

namespace Dq.Readers.Frames;

/// <summary>
/// Reads a numeric DataFrame column without copying: its memory and validity bitmap already have Arrow's layout,
/// so a batch is an Arrow array over the column's own buffers at an offset. A batch that straddles two memory
/// chunks (only in columns of hundreds of millions of rows) is copied.
/// </summary>
internal sealed class PrimitiveColumnReader<T>(PrimitiveDataFrameColumn<T> column, IArrowType type) : FrameColumnReader
    where T : unmanaged
{
    private readonly FrameChunks<T> _chunks = new(
        column.GetReadOnlyDataBuffers(), column.GetReadOnlyNullBitMapBuffers(), column.GetReadOnlyDataBuffers().Select(b => b.Length), column.NullCount > 0);

    public override IArrowType Type => type;

    public override IArrowArray Read(long start, int length)
    {
        var (chunk, offset, remaining) = _chunks.Locate(start);
        if (remaining < length)
        {
            var builder = new FixedWidthBuilder<T, T>(type, static v => v);
            ConvertingColumnReader<T>.Copy(_chunks, start, length, builder);
            return builder.Build();
        }
        var (validity, nullCount) = _chunks.ValiditySlice(chunk, offset, length);
        var values = new ArrowBuffer(ByteMemory<T>.Of(_chunks.Values(chunk)));
        return ArrowArrayFactory.BuildArray(new ArrayData(type, length, nullCount, offset, [validity, values]));
    }
}
