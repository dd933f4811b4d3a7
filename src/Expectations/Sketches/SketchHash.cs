using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Dq.Expectations.Sketches;

/// <summary>
/// The 64-bit hashes that feed <see cref="HyperLogLogPlusPlus"/>: XXH64 (System.IO.Hashing) with seed 0 over a fixed byte
/// form of each value, so the same values give the same sketch on every machine and in every run.
/// </summary>
/// <remarks>Hashes are only comparable within one kind of value: <c>Int64(1)</c> and <c>Double(1.0)</c> differ.</remarks>
public static class SketchHash
{
    /// <summary>The XXH64 seed, fixed so sketches from different runs merge.</summary>
    public const long Seed = 0;

    private const int StackLimit = 256;

    /// <summary>The hash of an integer: XXH64 of its 8 little-endian bytes.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static ulong Int64(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return XxHash64.HashToUInt64(bytes, Seed);
    }

    /// <summary>The hash of a double: XXH64 of the 8 little-endian bytes of its IEEE bits, after mapping -0.0 to 0.0 and
    /// every NaN to <see cref="double.NaN"/>, so values that compare equal (and all NaNs) count as one.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static ulong Double(double value)
    {
        var normalised = double.IsNaN(value) ? double.NaN : value == 0 ? 0.0 : value;
        return Int64(BitConverter.DoubleToInt64Bits(normalised));
    }

    /// <summary>The hash of UTF-8 text (or any bytes): XXH64 of the bytes.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The hash.</returns>
    public static ulong Utf8(ReadOnlySpan<byte> utf8) => XxHash64.HashToUInt64(utf8, Seed);

    /// <summary>The hash of a string: <see cref="Utf8"/> of its UTF-8 encoding (a lone surrogate becomes U+FFFD).</summary>
    /// <param name="value">The string.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ulong String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (maxBytes <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            return Utf8(buffer[..Encoding.UTF8.GetBytes(value, buffer)]);
        }
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            return Utf8(rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
