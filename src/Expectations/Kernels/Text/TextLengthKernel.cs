using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// Finds text whose length in code points (Python's <c>len</c>, not UTF-16 units) lies outside bounds. The length
/// is counted on the UTF-8 bytes: every byte that is not a continuation byte (10xxxxxx) starts a code point.
/// </summary>
internal sealed class TextLengthKernel : TextCheckKernel
{
    private readonly TextLengthKey _key;

    private TextLengthKernel(TextLengthKey key, int sampleLimit) : base(sampleLimit, NonTextValues.Reject) => _key = key;

    /// <exception cref="MetricPreconditionException">The column is not text (GX raises: an int has no len()).</exception>
    public static TextLengthKernel Create(Field field, TextLengthKey key, int sampleLimit)
    {
        RequireText(field, NonTextValues.Reject, "value lengths are measured on text only");
        return new TextLengthKernel(key, sampleLimit);
    }

    /// <summary>Python's <c>len</c> of UTF-8 text: its number of code points.</summary>
    public static long CodePoints(ReadOnlySpan<byte> utf8)
    {
        long continuation = 0;
        foreach (var b in utf8)
        {
            continuation += (b & 0xC0) == 0x80 ? 1 : 0;
        }
        return utf8.Length - continuation;
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8)
    {
        var length = CodePoints(utf8);
        var aboveMin = _key.Min is not { } min || (_key.StrictMin ? length > min : length >= min);
        var belowMax = _key.Max is not { } max || (_key.StrictMax ? length < max : length <= max);
        return !(aboveMin && belowMax);
    }
}
