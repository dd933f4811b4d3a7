using Apache.Arrow;

namespace Dq.Readers.Frames;

/// <summary>
/// The memory chunks of a DataFrame column (a column longer than one buffer holds is split into several), and
/// which chunk holds a row.
/// </summary>
internal sealed class FrameChunks<T>
    where T : unmanaged
{
    private readonly ReadOnlyMemory<T>[] _values;
    private readonly ReadOnlyMemory<byte>[] _validity;
    private readonly long[] _starts;

    /// <param name="values">The values of each chunk; for text, its UTF-8 bytes or offsets.</param>
    /// <param name="validity">The validity bitmap of each chunk (bit set = value present), as Arrow lays it out.</param>
    /// <param name="lengths">The rows of each chunk.</param>
    /// <param name="hasNulls">Whether the column has any null; when not, the bitmaps are not read.</param>
    public FrameChunks(IEnumerable<ReadOnlyMemory<T>> values, IEnumerable<ReadOnlyMemory<byte>> validity, IEnumerable<int> lengths, bool hasNulls)
    {
        _values = [.. values];
        _validity = [.. validity];
        HasNulls = hasNulls;
        var starts = new List<long>(_values.Length + 1) { 0 };
        foreach (var length in lengths)
        {
            starts.Add(starts[^1] + length);
        }
        _starts = [.. starts];
    }

    public bool HasNulls { get; }

    public ReadOnlyMemory<T> Values(int chunk) => _values[chunk];

    public ReadOnlyMemory<byte> Validity(int chunk) => _validity[chunk];

    /// <summary>The chunk holding <paramref name="row"/>, the row's position in it, and the rows left in the chunk from there.</summary>
    public (int Chunk, int Offset, int Remaining) Locate(long row)
    {
        var index = System.Array.BinarySearch(_starts, row);
        var chunk = index >= 0 ? index : ~index - 1;
        while (chunk + 1 < _starts.Length - 1 && _starts[chunk + 1] == row)
        {
            chunk++; // skip empty chunks
        }
        return (chunk, (int)(row - _starts[chunk]), (int)(_starts[chunk + 1] - row));
    }

    public bool IsValid(int chunk, int offset) => !HasNulls || BitUtility.GetBit(_validity[chunk].Span, offset);

    /// <summary>The validity buffer and null count of rows [offset, offset + length) of one chunk, without copying.</summary>
    public (ArrowBuffer Buffer, int NullCount) ValiditySlice(int chunk, int offset, int length) =>
        HasNulls
            ? (new ArrowBuffer(_validity[chunk]), length - BitUtility.CountBits(_validity[chunk].Span, offset, length))
            : (ArrowBuffer.Empty, 0);
}
