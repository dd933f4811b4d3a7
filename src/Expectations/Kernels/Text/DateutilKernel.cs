using System.Text;
using Apache.Arrow;

namespace Dq.Expectations.Kernels.Text;

/// <summary>Finds text values that dateutil's parser would reject (<see cref="DateutilParser"/>).</summary>
internal sealed class DateutilKernel : TextCheckKernel
{
    private DateutilKernel(int sampleLimit) : base(sampleLimit, NonTextValues.Reject) { }

    /// <exception cref="MetricPreconditionException">The column is not text (GX raises: values must be strings).</exception>
    public static DateutilKernel Create(Field field, int sampleLimit)
    {
        RequireText(field, NonTextValues.Reject, "dateutil parses text only");
        return new DateutilKernel(sampleLimit);
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8) => !DateutilParser.IsParseable(Encoding.UTF8.GetString(utf8));
}
