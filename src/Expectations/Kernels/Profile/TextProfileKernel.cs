using System.Buffers;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>
/// Profiles a text column in one pass: each value is classified by Deequ's rules, its length measured, and, while no
/// value has been plain text, the numbers are gathered into the block's moments and the KLL sketch. (Deequ needs
/// three passes: types first, then the cast column's statistics; here the statistics are kept in case the column
/// turns out numeric, and dropped as soon as it cannot.)
/// </summary>
internal sealed class TextProfileKernel : ColumnKernel
{
    public static TextProfileKernel Create(Field field) => ColumnFacts.IsText(field.DataType)
        ? new TextProfileKernel()
        : throw new MetricPreconditionException($"column `{field.Name}` has type {field.DataType.Name}; only text columns get Deequ's type inference.");

    public override MetricState CreateState() => new TextProfileState();

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var profile = (TextProfileState)state;
        var numbers = ArrayPool<double>.Shared.Rent(block.Length);
        try
        {
            var visitor = new Visitor(numbers, profile.IsString);
            TextBlockValues.Visit(block, ref visitor);
            profile.AddKinds(visitor.Integral, visitor.Fractional, visitor.Boolean, visitor.Other);
            profile.AddLengths(visitor.MinLength, visitor.MaxLength);
            if (!profile.IsString && visitor.Count > 0)
            {
                AddNumbers(profile, numbers.AsSpan(0, visitor.Count));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(numbers);
        }
    }

    private static void AddNumbers(TextProfileState profile, ReadOnlySpan<double> values)
    {
        double sum = 0, compensation = 0, min = values[0], max = values[0];
        foreach (var value in values)
        {
            ColumnSummaryState.AddCompensated(ref sum, ref compensation, value);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        var mean = (sum + compensation) / values.Length;
        double squaredDeviations = 0;
        foreach (var value in values)
        {
            squaredDeviations += (value - mean) * (value - mean);
        }
        profile.Numbers.AddBlock(values.Length, min, max, 0, sum, compensation, mean, squaredDeviations);
        profile.Sketch.Update(values);
    }

    private struct Visitor(double[] numbers, bool skipNumbers) : ITextVisitor
    {
        public long Integral, Fractional, Boolean, Other;
        public long MinLength = -1, MaxLength = -1;
        public int Count;

        public void Visit(ReadOnlySpan<byte> utf8, long rows)
        {
            var length = TextLengthKernel.CodePoints(utf8);
            MinLength = MinLength < 0 ? length : Math.Min(MinLength, length);
            MaxLength = Math.Max(MaxLength, length);
            var kind = DeequTextType.Classify(utf8, out var value);
            switch (kind)
            {
                case DeequTextKind.Integral: Integral += rows; break;
                case DeequTextKind.Fractional: Fractional += rows; break;
                case DeequTextKind.Boolean: Boolean += rows; break;
                default: Other += rows; skipNumbers = true; break;
            }
            if (!skipNumbers && kind is DeequTextKind.Integral or DeequTextKind.Fractional)
            {
                for (var i = 0; i < rows; i++)
                {
                    numbers[Count++] = value;
                }
            }
        }
    }
}
