using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>Unexpected when A and B differ; a missing value equals nothing, as NaN in pandas (<c>A == B</c>).</summary>
internal sealed class PairNotEqualKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, int sampleLimit)
    : MultiColumnRowKernel(fields, ignore, asPair: true, sampleLimit)
{
    protected override void Scan(in ColumnBlock block, CellReader[] readers, UnexpectedRowsState state, Func<int, object?> valueAt)
    {
        var check = new Check(readers[0], readers[1]);
        MultiColumnScan.Run(block, readers, Ignore, ref check, state, valueAt);
    }

    private readonly struct Check(CellReader a, CellReader b) : IRowCheck
    {
        public bool IsUnexpected(int row)
        {
            var (x, y) = (a.Read(row), b.Read(row));
            return x.IsMissing || y.IsMissing || !x.Equals(y);
        }
    }
}

/// <summary>
/// Unexpected unless A &gt; B (A ≥ B with <c>or_equal</c>); a missing value compares false, as NaN in pandas.
/// </summary>
internal sealed class PairNotGreaterKernel : MultiColumnRowKernel
{
    private readonly bool _orEqual;

    /// <exception cref="MetricPreconditionException">The columns hold kinds of values that have no order between them.</exception>
    public PairNotGreaterKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, bool orEqual, int sampleLimit)
        : base(fields, ignore, asPair: true, sampleLimit)
    {
        var (a, b) = (CellReader.KindOf(fields[0].DataType), CellReader.KindOf(fields[1].DataType));
        // Checked before the scan: pandas raises on `"x" > 1`, and a whole column of such rows is a type error, not bad data.
        if (a != b || (a == CellKind.Other && fields[0].DataType.TypeId != fields[1].DataType.TypeId))
        {
            throw new MetricPreconditionException(
                $"{Describe(fields)} hold values that cannot be ordered against each other; compare two numeric, two text or two date columns of the same type.");
        }
        _orEqual = orEqual;
    }

    protected override void Scan(in ColumnBlock block, CellReader[] readers, UnexpectedRowsState state, Func<int, object?> valueAt)
    {
        var check = new Check(readers[0], readers[1], _orEqual);
        MultiColumnScan.Run(block, readers, Ignore, ref check, state, valueAt);
    }

    private readonly struct Check(CellReader a, CellReader b, bool orEqual) : IRowCheck
    {
        public bool IsUnexpected(int row)
        {
            var (x, y) = (a.Read(row), b.Read(row));
            return x.IsMissing || y.IsMissing || Cell.Compare(x, y) is not { } order || (orEqual ? order < 0 : order <= 0);
        }
    }
}

/// <summary>Unexpected when (A, B) is not a member of the set; a pair with a missing value never is.</summary>
internal sealed class PairNotInSetKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, PairSet pairs, int sampleLimit)
    : MultiColumnRowKernel(fields, ignore, asPair: true, sampleLimit)
{
    protected override void Scan(in ColumnBlock block, CellReader[] readers, UnexpectedRowsState state, Func<int, object?> valueAt)
    {
        var check = new Check(readers[0], readers[1], pairs.Members);
        MultiColumnScan.Run(block, readers, Ignore, ref check, state, valueAt);
    }

    private readonly struct Check(CellReader a, CellReader b, HashSet<(Cell A, Cell B)> members) : IRowCheck
    {
        public bool IsUnexpected(int row)
        {
            var (x, y) = (a.Read(row), b.Read(row));
            return x.IsMissing || y.IsMissing || !members.Contains((x, y));
        }
    }
}
