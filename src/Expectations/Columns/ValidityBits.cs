using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Dq.Expectations.Columns;

/// <summary>
/// Reads an Arrow validity bitmap (bit set = value present, least significant bit first) in 64-row words.
/// </summary>
/// <remarks>
/// Kernels work on 64 rows at a time: they build a 64-bit mask of unexpected rows from vector compares and
/// AND it with the word this type returns, so a null costs one bit operation rather than a branch. Arrow
/// arrays may start at any bit (slices), so words are read at arbitrary bit offsets.
/// </remarks>
internal readonly ref struct ValidityBits
{
    private readonly ReadOnlySpan<byte> _bitmap;
    private readonly int _bitOffset;

    /// <summary>Wraps a bitmap whose row 0 is at <paramref name="bitOffset"/>; an empty bitmap means all valid.</summary>
    public ValidityBits(ReadOnlySpan<byte> bitmap, int bitOffset)
    {
        _bitmap = bitmap;
        _bitOffset = bitOffset;
    }

    /// <summary>True when there is no bitmap, so every row is valid.</summary>
    public bool AllValid => _bitmap.IsEmpty;

    /// <summary>Whether row <paramref name="row"/> holds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(int row)
    {
        if (_bitmap.IsEmpty)
        {
            return true;
        }
        var bit = _bitOffset + row;
        return (_bitmap[bit >> 3] & (1 << (bit & 7))) != 0;
    }

    /// <summary>
    /// The validity of rows <paramref name="row"/> .. <paramref name="row"/> + <paramref name="count"/> - 1 as the
    /// low bits of a word (bits past <paramref name="count"/> are zero).
    /// </summary>
    public ulong Word(int row, int count)
    {
        var mask = LowBits(count);
        if (_bitmap.IsEmpty)
        {
            return mask;
        }
        var bit = _bitOffset + row;
        var byteIndex = bit >> 3;
        var shift = bit & 7;
        // Up to 9 bytes hold 64 bits at a non-zero shift; read 8 when the bitmap is long enough.
        ulong word;
        if (byteIndex + 8 <= _bitmap.Length)
        {
            word = BinaryPrimitives.ReadUInt64LittleEndian(_bitmap[byteIndex..]) >> shift;
            if (shift != 0 && count + shift > 64 && byteIndex + 8 < _bitmap.Length)
            {
                word |= (ulong)_bitmap[byteIndex + 8] << (64 - shift);
            }
        }
        else
        {
            word = 0;
            var available = Math.Min(_bitmap.Length - byteIndex, 9);
            for (var i = 0; i < available; i++)
            {
                var part = (ulong)_bitmap[byteIndex + i];
                var position = (i * 8) - shift;
                word |= position >= 0 ? part << position : part >> -position;
            }
        }
        return word & mask;
    }

    /// <summary>A word with the low <paramref name="count"/> bits set (0 ≤ count ≤ 64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LowBits(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;
}
