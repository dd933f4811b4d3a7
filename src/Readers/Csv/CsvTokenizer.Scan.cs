using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dq.Readers.Csv;

/// <summary>The vector width used to find the next delimiter, quote or line break.</summary>
internal enum CsvScanVariant
{
    /// <summary>Byte by byte: the reference the vector variants are tested against.</summary>
    Scalar,
    Vector128,
    Vector256,
}

internal sealed partial class CsvTokenizer
{
    /// <summary>Forces a scan variant for tests; <see langword="null"/> picks the widest the hardware accelerates.</summary>
    internal static CsvScanVariant? ForcedVariant { get; set; }

    private static CsvScanVariant BestVariant() =>
        ForcedVariant ?? (Vector256.IsHardwareAccelerated ? CsvScanVariant.Vector256
            : Vector128.IsHardwareAccelerated ? CsvScanVariant.Vector128 : CsvScanVariant.Scalar);

    /// <summary>
    /// The index of the first delimiter, quote, CR or LF at or after <paramref name="p"/>, or <paramref name="end"/> when
    /// there is none before it. The buffer has <see cref="Padding"/> bytes after <paramref name="end"/>, so a vector load
    /// never needs a tail check; a match in the padding is clamped to <paramref name="end"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextSpecial(int p, int end)
    {
        ref byte start = ref _buffer[0];
        if (_variant == CsvScanVariant.Vector256)
        {
            var delimiter = Vector256.Create(_delimiter);
            var quote = Vector256.Create(_quote);
            var lf = Vector256.Create((byte)'\n');
            var cr = Vector256.Create((byte)'\r');
            while (p < end)
            {
                Vector256<byte> v = Vector256.LoadUnsafe(ref start, (nuint)p);
                uint mask = (Vector256.Equals(v, delimiter) | Vector256.Equals(v, quote) | Vector256.Equals(v, lf) | Vector256.Equals(v, cr)).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return Math.Min(p + BitOperations.TrailingZeroCount(mask), end);
                }
                p += Vector256<byte>.Count;
            }
            return end;
        }
        if (_variant == CsvScanVariant.Vector128)
        {
            var delimiter = Vector128.Create(_delimiter);
            var quote = Vector128.Create(_quote);
            var lf = Vector128.Create((byte)'\n');
            var cr = Vector128.Create((byte)'\r');
            while (p < end)
            {
                Vector128<byte> v = Vector128.LoadUnsafe(ref start, (nuint)p);
                uint mask = (Vector128.Equals(v, delimiter) | Vector128.Equals(v, quote) | Vector128.Equals(v, lf) | Vector128.Equals(v, cr)).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return Math.Min(p + BitOperations.TrailingZeroCount(mask), end);
                }
                p += Vector128<byte>.Count;
            }
            return end;
        }
        for (; p < end; p++)
        {
            byte b = Unsafe.Add(ref start, p);
            if (b == _delimiter || b == _quote || b == (byte)'\n' || b == (byte)'\r')
            {
                return p;
            }
        }
        return end;
    }
}
