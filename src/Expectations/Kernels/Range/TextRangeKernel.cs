using System.Text;

namespace Dq.Expectations.Kernels.Range;

/// <summary>
/// Range check on a string column by ordinal comparison of UTF-8 bytes, which orders text by code point as
/// Python's string comparison does.
/// </summary>
internal sealed class TextRangeKernel : TextRowCheckKernel
{
    private readonly byte[]? _min;
    private readonly byte[]? _max;
    private readonly bool _strictMin;
    private readonly bool _strictMax;

    public TextRangeKernel(string? min, string? max, bool strictMin, bool strictMax, int sampleLimit)
        : base(sampleLimit)
    {
        _min = min is null ? null : Encoding.UTF8.GetBytes(min);
        _max = max is null ? null : Encoding.UTF8.GetBytes(max);
        _strictMin = strictMin;
        _strictMax = strictMax;
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8)
    {
        if (_min is not null)
        {
            var c = utf8.SequenceCompareTo(_min);
            if (c < 0 || (c == 0 && _strictMin))
            {
                return true;
            }
        }
        if (_max is not null)
        {
            var c = utf8.SequenceCompareTo(_max);
            if (c > 0 || (c == 0 && _strictMax))
            {
                return true;
            }
        }
        return false;
    }
}
