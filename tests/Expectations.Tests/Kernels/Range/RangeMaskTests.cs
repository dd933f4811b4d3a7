using System.Numerics;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Range;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Range;

/// <summary>
/// Every variant of <see cref="RangeMask.Compute{T}"/> equals a naive per-element loop written independently
/// (outside means NaN, below lo or above hi), on lengths 0..64 with 64 (the vector path) half the time.
/// </summary>
public sealed class RangeMaskTests
{
    private const int Tests = 400;

    [Property(MaxTest = Tests)]
    public Property Compute_Int64_EqualsNaiveLoop() => MatchesNaive(b => (long)b, [long.MinValue, long.MaxValue, 0L, -1L, 1L]);

    [Property(MaxTest = Tests)]
    public Property Compute_Int32_EqualsNaiveLoop() => MatchesNaive(b => (int)b, [int.MinValue, int.MaxValue, 0, -1, 1]);

    [Property(MaxTest = Tests)]
    public Property Compute_Int16_EqualsNaiveLoop() => MatchesNaive(b => (short)b, [short.MinValue, short.MaxValue, (short)0, (short)-1]);

    [Property(MaxTest = Tests)]
    public Property Compute_SByte_EqualsNaiveLoop() => MatchesNaive(b => (sbyte)b, [sbyte.MinValue, sbyte.MaxValue, (sbyte)0, (sbyte)-1]);

    [Property(MaxTest = Tests)]
    public Property Compute_UInt64_EqualsNaiveLoop() => MatchesNaive(b => b, [ulong.MinValue, ulong.MaxValue, 1UL << 63, (1UL << 63) - 1]);

    [Property(MaxTest = Tests)]
    public Property Compute_Byte_EqualsNaiveLoop() => MatchesNaive(b => (byte)b, [byte.MinValue, byte.MaxValue, (byte)127, (byte)128]);

    [Property(MaxTest = Tests)]
    public Property Compute_Double_EqualsNaiveLoop() => MatchesNaive(
        BitConverter.UInt64BitsToDouble,
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MinValue, double.MaxValue, double.Epsilon, -0.0, 0.0]);

    [Property(MaxTest = Tests)]
    public Property Compute_Single_EqualsNaiveLoop() => MatchesNaive(
        b => BitConverter.UInt32BitsToSingle((uint)b),
        [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MinValue, float.MaxValue, float.Epsilon, -0.0f, 0.0f]);

    [Fact]
    public void Compute_DoubleSpecialValuesEveryBoundPair_EqualsNaiveLoop() =>
        EverySpecialPair([double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MinValue, double.MaxValue, -0.0, 0.0, 1.5]);

    [Fact]
    public void Compute_SingleSpecialValuesEveryBoundPair_EqualsNaiveLoop() =>
        EverySpecialPair([float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MinValue, float.MaxValue, -0.0f, 0.0f, 1.5f]);

    [Fact]
    public void Compute_Int64ExtremesEveryBoundPair_EqualsNaiveLoop() =>
        EverySpecialPair([long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue - 1, long.MaxValue]);

    [Fact]
    public void Compute_UInt64ExtremesEveryBoundPair_EqualsNaiveLoop() =>
        EverySpecialPair([0UL, 1UL, (1UL << 63) - 1, 1UL << 63, ulong.MaxValue - 1, ulong.MaxValue]);

    /// <summary>The reference: a value is outside when it is NaN, below lo or above hi.</summary>
    private static ulong Naive<T>(ReadOnlySpan<T> values, T lo, T hi)
        where T : INumber<T>
    {
        ulong mask = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (T.IsNaN(values[i]) || values[i] < lo || values[i] > hi)
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }

    private static Property MatchesNaive<T>(Func<ulong, T> fromBits, T[] specials)
        where T : unmanaged, INumber<T>
    {
        var low = Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, int.MaxValue), (a, b) => (ulong)(uint)a | ((ulong)(uint)b << 31));
        var bits = Gen.Zip(low, Gen.Choose(0, 3), (l, h) => l | ((ulong)(uint)h << 62));
        var value = Gen.Frequency([
            (3, Gen.Choose(-40, 40).Select(i => T.CreateTruncating(i))),
            (2, bits.Select(fromBits)),
            (1, Gen.Elements(specials))]);
        var bound = value.Where(v => !T.IsNaN(v));
        var length = Gen.Frequency([(1, Gen.Choose(0, 64)), (1, Gen.Constant(64))]);
        var bounds = Gen.Zip(bound, bound, (lo, hi) => (lo, hi));
        var cases = length.SelectMany(n => value.ArrayOf(n))
            .SelectMany(values => bounds, (values, b) => new Case<T>(values, b.lo, b.hi));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var expected = Naive<T>(c.Values, c.Lo, c.Hi);
            return KernelVariants.All.All(variant => RangeMask.Compute<T>(variant, c.Values, c.Lo, c.Hi) == expected);
        });
    }

    /// <summary>64 values cycling through the specials, against every ordered pair of (non-NaN) specials as bounds.</summary>
    private static void EverySpecialPair<T>(T[] specials)
        where T : unmanaged, INumber<T>
    {
        var values = Enumerable.Range(0, 64).Select(i => specials[(i * 5 + (i / specials.Length)) % specials.Length]).ToArray();
        foreach (var lo in specials.Where(s => !T.IsNaN(s)))
        {
            foreach (var hi in specials.Where(s => !T.IsNaN(s)))
            {
                var expected = Naive<T>(values, lo, hi);
                foreach (var variant in KernelVariants.All)
                {
                    Assert.True(expected == RangeMask.Compute<T>(variant, values, lo, hi), $"{variant} on [{lo}, {hi}]");
                }
            }
        }
    }

    public sealed record Case<T>(T[] Values, T Lo, T Hi)
    {
        public override string ToString() => $"[{Lo}, {Hi}] over ({Values.Length}) {string.Join(", ", Values)}";
    }
}
