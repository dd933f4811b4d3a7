using System.Buffers.Binary;
using System.Text;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Tests.Sketches;

/// <summary>XXH64 with seed 0, checked against the published test vectors of the reference implementation
/// (Cyan4973/xxHash: XXH64("", 0) = EF46DB3751D8E999, XXH64("a", 0) = D24EC4F1A98C6E5B, XXH64("abc", 0) = 44BC2CF5AD770999).</summary>
public sealed class SketchHashTests
{
    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void Utf8AndString_PublishedVectors(string text, ulong expected)
    {
        Assert.Equal(expected, SketchHash.Utf8(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(expected, SketchHash.String(text));
    }

    [Fact]
    public void String_NonAsciiAndLong_HashTheUtf8Bytes()
    {
        var longText = string.Concat(Enumerable.Repeat("Grüße, 世界! ", 40));

        Assert.Equal(SketchHash.Utf8([0xC3, 0xA9]), SketchHash.String("é"));
        Assert.Equal(SketchHash.Utf8(Encoding.UTF8.GetBytes(longText)), SketchHash.String(longText));
    }

    [Fact]
    public void Int64_HashesTheLittleEndianBytes()
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, -123456789012345L);

        Assert.Equal(SketchHash.Utf8(bytes), SketchHash.Int64(-123456789012345L));
        Assert.NotEqual(SketchHash.Int64(1), SketchHash.Int64(2));
    }

    [Fact]
    public void Double_ZerosAndNaNsAreOneValueEach()
    {
        var otherNaN = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123);

        Assert.Equal(SketchHash.Double(0.0), SketchHash.Double(-0.0));
        Assert.Equal(SketchHash.Double(double.NaN), SketchHash.Double(otherNaN));
        Assert.Equal(SketchHash.Double(double.NaN), SketchHash.Double(-double.NaN));
        Assert.Equal(SketchHash.Int64(BitConverter.DoubleToInt64Bits(1.5)), SketchHash.Double(1.5));
        Assert.NotEqual(SketchHash.Double(1.0), SketchHash.Double(-1.0));
    }
}
