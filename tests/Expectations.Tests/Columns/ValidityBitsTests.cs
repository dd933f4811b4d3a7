using Dq.Expectations.Columns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Columns;

/// <summary><see cref="ValidityBits.Word"/> against reading the bitmap one bit at a time.</summary>
public sealed class ValidityBitsTests
{
    /// <summary>A bitmap, a bit offset 0..17, and a row/count window that lies inside the bitmap.</summary>
    public sealed record Window(byte[] Bitmap, int Offset, int Row, int Count)
    {
        public override string ToString() => $"offset {Offset}, row {Row}, count {Count}, bitmap [{string.Join(",", Bitmap)}]";
    }

    [Property(MaxTest = 1000)]
    public Property Word_AnyOffsetAndCount_EqualsBitByBit() =>
        Prop.ForAll(Windows(endsAtBitmapEnd: false).ToArbitrary(), w => Word(w) == BitByBit(w));

    [Property(MaxTest = 1000)]
    public Property Word_WindowEndingAtLastBitOfBitmap_EqualsBitByBit() =>
        Prop.ForAll(Windows(endsAtBitmapEnd: true).ToArbitrary(), w => Word(w) == BitByBit(w));

    [Fact]
    public void Word_EveryOffsetRowAndCountOverExactlySizedBitmap_EqualsBitByBit()
    {
        var random = new Random(20240611);
        for (var length = 1; length <= 11; length++)
        {
            var bitmap = new byte[length];
            random.NextBytes(bitmap);
            for (var offset = 0; offset <= 17 && offset <= length * 8; offset++)
            {
                for (var row = 0; offset + row <= length * 8; row++)
                {
                    for (var count = 0; count <= 64 && offset + row + count <= length * 8; count++)
                    {
                        var window = new Window(bitmap, offset, row, count);
                        Assert.True(BitByBit(window) == Word(window), window.ToString());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(64)]
    public void Word_EmptyBitmap_AllRowsValid(int count)
    {
        var bits = new ValidityBits(default, 5);

        var word = bits.Word(3, count);

        Assert.True(bits.AllValid);
        Assert.Equal(count == 64 ? ulong.MaxValue : (1UL << count) - 1, word);
    }

    [Fact]
    public void IsValid_SlicedBitmap_ReadsBitAtOffsetPlusRow()
    {
        byte[] bitmap = [0b1010_0101, 0b0000_0001]; // bits 3..8: 0, 0, 1, 0, 1, 1

        Assert.Equal([false, false, true, false, true, true], Enumerable.Range(0, 6).Select(r => ReadIsValid(bitmap, 3, r)));
    }

    private static bool ReadIsValid(byte[] bitmap, int offset, int row) => new ValidityBits(bitmap, offset).IsValid(row);

    private static ulong Word(Window w) => new ValidityBits(w.Bitmap, w.Offset).Word(w.Row, w.Count);

    private static ulong BitByBit(Window w)
    {
        ulong word = 0;
        for (var i = 0; i < w.Count; i++)
        {
            var bit = w.Offset + w.Row + i;
            if (((w.Bitmap[bit / 8] >> (bit % 8)) & 1) == 1)
            {
                word |= 1UL << i;
            }
        }
        return word;
    }

    private static Gen<Window> Windows(bool endsAtBitmapEnd) =>
        from length in Gen.Choose(1, 20)
        from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(length)
        from offset in Gen.Choose(0, Math.Min(17, length * 8))
        from count in Gen.Choose(0, Math.Min(64, (length * 8) - offset))
        from row in endsAtBitmapEnd ? Gen.Constant((length * 8) - offset - count) : Gen.Choose(0, (length * 8) - offset - count)
        select new Window(bytes, offset, row, count);
}
