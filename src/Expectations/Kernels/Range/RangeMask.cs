using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dq.Expectations.Kernels.Range;

/// <summary>
/// The rows of up to 64 values that lie outside the inclusive range [lo, hi], as a bit mask (bit i = value i).
/// NaN lies outside every range: each compare with NaN is false, so "inside" is false.
/// </summary>
/// <remarks>
/// Bounds are normalized to inclusive bounds in the column's own type before the scan (see
/// <see cref="RangeKernels"/>), so one compare pair serves strict and inclusive, integer and float checks.
/// </remarks>
internal static class RangeMask
{
    public static ulong Compute<T>(KernelVariant variant, ReadOnlySpan<T> values, T lo, T hi)
        where T : unmanaged, INumber<T>
    {
        if (values.Length == 64)
        {
            if (variant == KernelVariant.Vector256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            {
                return Vector256Word(values, lo, hi);
            }
            if (variant != KernelVariant.Scalar && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
            {
                return Vector128Word(values, lo, hi);
            }
        }
        return Scalar(values, lo, hi);
    }

    /// <summary>The reference: one compare pair per value.</summary>
    public static ulong Scalar<T>(ReadOnlySpan<T> values, T lo, T hi)
        where T : unmanaged, INumber<T>
    {
        ulong mask = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!(value >= lo && value <= hi))
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Vector256Word<T>(ReadOnlySpan<T> values, T lo, T hi)
        where T : unmanaged, INumber<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var low = Vector256.Create(lo);
        var high = Vector256.Create(hi);
        // Keep only one bit per lane: on AVX-512 hardware the optimized JIT lowers ~inside to a mask-register NOT,
        // and ExtractMostSignificantBits then returns the flipped unused high bits too (seen with 4 int64 lanes:
        // 15 of 16 rows flagged).
        var lanes = Vector256<T>.Count >= 64 ? ulong.MaxValue : (1UL << Vector256<T>.Count) - 1;
        ulong mask = 0;
        for (var i = 0; i < 64; i += Vector256<T>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)i);
            var inside = Vector256.GreaterThanOrEqual(v, low) & Vector256.LessThanOrEqual(v, high);
            mask |= ((ulong)(~inside).ExtractMostSignificantBits() & lanes) << i;
        }
        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Vector128Word<T>(ReadOnlySpan<T> values, T lo, T hi)
        where T : unmanaged, INumber<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var low = Vector128.Create(lo);
        var high = Vector128.Create(hi);
        // Keep only one bit per lane: on AVX-512 hardware the optimized JIT lowers ~inside to a mask-register NOT,
        // and ExtractMostSignificantBits then returns the flipped unused high bits too (seen with 4 int64 lanes:
        // 15 of 16 rows flagged).
        var lanes = Vector128<T>.Count >= 64 ? ulong.MaxValue : (1UL << Vector128<T>.Count) - 1;
        ulong mask = 0;
        for (var i = 0; i < 64; i += Vector128<T>.Count)
        {
            var v = Vector128.LoadUnsafe(ref start, (nuint)i);
            var inside = Vector128.GreaterThanOrEqual(v, low) & Vector128.LessThanOrEqual(v, high);
            mask |= ((ulong)(~inside).ExtractMostSignificantBits() & lanes) << i;
        }
        return mask;
    }
}
