using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Metrics;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>The state of <see cref="TextProfileKey"/>: Deequ's type counts, the numbers the text holds, and lengths.</summary>
internal sealed class TextProfileState : MetricState
{
    public long Integral { get; private set; }

    public long Fractional { get; private set; }

    public long Boolean { get; private set; }

    /// <summary>Values that are none of the others: once there is one the column is String.</summary>
    public long Other { get; private set; }

    /// <summary>The moments and extremes of the values that read as numbers (meaningful while <see cref="Other"/> is 0).</summary>
    public ColumnSummaryState Numbers { get; } = new() { IsNumeric = true, IsInteger = false };

    /// <summary>A KLL sketch of the same numbers.</summary>
    public KllSketch Sketch { get; } = new();

    /// <summary>The shortest value in code points; -1 before any value.</summary>
    public long MinLength { get; private set; } = -1;

    /// <summary>The longest value in code points; -1 before any value.</summary>
    public long MaxLength { get; private set; } = -1;

    /// <summary>Whether the numbers no longer matter: some value is plain text, so the column is String whatever follows.</summary>
    public bool IsString => Other > 0;

    public void AddKinds(long integral, long fractional, long boolean, long other)
    {
        Integral += integral;
        Fractional += fractional;
        Boolean += boolean;
        Other += other;
    }

    public void AddLengths(long min, long max)
    {
        if (min < 0)
        {
            return;
        }
        MinLength = MinLength < 0 ? min : Math.Min(MinLength, min);
        MaxLength = Math.Max(MaxLength, max);
    }

    public override void Merge(MetricState other)
    {
        var that = (TextProfileState)other;
        AddKinds(that.Integral, that.Fractional, that.Boolean, that.Other);
        AddLengths(that.MinLength, that.MaxLength);
        if (!IsString)
        {
            Numbers.Merge(that.Numbers);
            Sketch.Merge(that.Sketch);
        }
    }
}
