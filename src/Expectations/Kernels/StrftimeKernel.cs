using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.Strftime;

namespace Dq.Expectations.Kernels;

/// <summary>
/// Finds text values that do not parse with a strftime format under Python <c>strptime</c> rules. The format is
/// compiled once into a matcher over UTF-8 bytes; dictionary-encoded columns are matched once per distinct value.
/// </summary>
internal sealed class StrftimeKernel : TextRowCheckKernel
{
    private readonly StrftimeFormat _format;

    private StrftimeKernel(StrftimeFormat format, int sampleLimit) : base(sampleLimit) => _format = format;

    public static StrftimeKernel Create(Field field, string format, int sampleLimit)
    {
        if (!ColumnFacts.IsText(field.DataType))
        {
            // GX raises here rather than marking rows: strptime takes only text.
            throw new MetricPreconditionException(
                $"column `{field.Name}` has type {field.DataType.Name}, but a strftime format can only be matched against text; read the column as text or use a range check on dates.");
        }
        if (!StrftimeFormat.TryCompile(format, out var compiled, out var error))
        {
            throw new MetricPreconditionException(error);
        }
        return new StrftimeKernel(compiled, sampleLimit);
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8) => !_format.IsMatch(utf8);
}
