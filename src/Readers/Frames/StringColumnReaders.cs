using Apache.Arrow;
using Apache.Arrow.Types;
using Microsoft.Data.Analysis;

namespace Dq.Readers.Frames;

/// <summary>
/// Reads an <see cref="ArrowStringDataFrameColumn"/> without copying: its UTF-8 bytes, offsets and validity bitmap
/// already have Arrow's layout. A batch that straddles two memory chunks is copied, byte for byte.
/// </summary>
internal sealed class ArrowStringColumnReader(ArrowStringDataFrameColumn column) : FrameColumnReader
{
    private readonly FrameChunks<int> _offsets = new(
        column.GetReadOnlyOffsetsBuffers(), column.GetReadOnlyNullBitMapBuffers(), column.GetReadOnlyOffsetsBuffers().Select(o => o.Length - 1), column.NullCount > 0);

    private readonly ReadOnlyMemory<byte>[] _data = [.. column.GetReadOnlyDataBuffers()];

    public override IArrowType Type => StringType.Default;

    public override IArrowArray Read(long start, int length)
    {
        var (chunk, offset, remaining) = _offsets.Locate(start);
        if (remaining >= length)
        {
            var (validity, nullCount) = _offsets.ValiditySlice(chunk, offset, length);
            var offsets = new ArrowBuffer(ByteMemory<int>.Of(_offsets.Values(chunk)));
            return new StringArray(new ArrayData(StringType.Default, length, nullCount, offset, [validity, offsets, new ArrowBuffer(_data[chunk])]));
        }
        var builder = new TextBuilder<string?>(static s => s);
        while (length > 0)
        {
            (chunk, offset, remaining) = _offsets.Locate(start);
            var count = Math.Min(length, remaining);
            var bounds = _offsets.Values(chunk).Span;
            var bytes = _data[chunk].Span;
            for (var i = offset; i < offset + count; i++)
            {
                if (_offsets.IsValid(chunk, i))
                {
                    builder.AppendUtf8(bytes[bounds[i]..bounds[i + 1]]);
                }
                else
                {
                    builder.AppendNull();
                }
            }
            start += count;
            length -= count;
        }
        return builder.Build();
    }
}

/// <summary>
/// Reads a <see cref="StringDataFrameColumn"/>, whose values are .NET strings: each is encoded to UTF-8 straight
/// into the Arrow buffer, so no value is copied twice.
/// </summary>
internal sealed class StringColumnReader(StringDataFrameColumn column) : FrameColumnReader
{
    public override IArrowType Type => StringType.Default;

    public override IArrowArray Read(long start, int length)
    {
        var builder = new TextBuilder<string?>(static s => s);
        for (var row = start; row < start + length; row++)
        {
            builder.Append(column[row]);
        }
        return builder.Build();
    }
}
