using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>
/// Unexpected when the row's values do not add up to exactly the total. Missing values add nothing (pandas'
/// <c>sum(axis=1)</c> skips NaN). Integer columns add as 64-bit integers; once a float column takes part, the row adds
/// as doubles from left to right, as numpy does for a short row, so <c>0.1 + 0.2</c> is not 0.3.
/// </summary>
internal sealed class RecordSumNotEqualKernel : MultiColumnRowKernel
{
    private readonly double _total;
    private readonly bool _integers;

    /// <exception cref="MetricPreconditionException">A column is not numeric.</exception>
    public RecordSumNotEqualKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, double total, int sampleLimit)
        : base(fields, ignore, asPair: false, sampleLimit)
    {
        if (fields.FirstOrDefault(f => CellReader.KindOf(f.DataType) != CellKind.Number) is { } field)
        {
            throw new MetricPreconditionException(
                $"column `{field.Name}` ({field.DataType.Name}) is not numeric, so its values cannot be summed; list only numeric columns in `column_list`.");
        }
        _total = total;
        _integers = fields.All(f => f.DataType is IntegerType);
    }

    protected override void Scan(in ColumnBlock block, CellReader[] readers, UnexpectedRowsState state, Func<int, object?> valueAt)
    {
        var check = new Check(readers, _total, _integers);
        MultiColumnScan.Run(block, readers, Ignore, ref check, state, valueAt);
    }

    private readonly struct Check(CellReader[] readers, double total, bool integers) : IRowCheck
    {
        public bool IsUnexpected(int row)
        {
            long whole = 0;
            double real = 0;
            foreach (var reader in readers)
            {
                var cell = reader.Read(row);
                if (!cell.IsMissing)
                {
                    unchecked { whole += cell.Integer; } // numpy int64 sums wrap too
                    real += cell.Real;
                }
            }
            return (integers ? whole : real) != total;
        }
    }
}

/// <summary>
/// Unexpected when some value occurs twice in the row (pandas' <c>nunique(dropna=False, axis=1)</c> below the column
/// count): values compare by value across columns, and two missing values are a repeat.
/// </summary>
internal sealed class RecordRepeatsValueKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, int sampleLimit)
    : MultiColumnRowKernel(fields, ignore, asPair: false, sampleLimit)
{
    protected override void Scan(in ColumnBlock block, CellReader[] readers, UnexpectedRowsState state, Func<int, object?> valueAt)
    {
        var check = new Check(readers, new Cell[readers.Length]);
        MultiColumnScan.Run(block, readers, Ignore, ref check, state, valueAt);
    }

    /// <summary>Scratch cells are per scan call, so workers sharing the kernel never share them.</summary>
    private readonly struct Check(CellReader[] readers, Cell[] cells) : IRowCheck
    {
        public bool IsUnexpected(int row)
        {
            // Rows are a few columns wide: pairwise comparison beats hashing here.
            for (var i = 0; i < readers.Length; i++)
            {
                cells[i] = readers[i].Read(row);
                for (var j = 0; j < i; j++)
                {
                    if (cells[i].Equals(cells[j]))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
