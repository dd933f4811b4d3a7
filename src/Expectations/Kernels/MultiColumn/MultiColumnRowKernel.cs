using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>
/// A row-level check over several columns of each row. Subclasses judge a row; this class builds the per-block
/// readers and the sampled value of an unexpected row: the pair [A, B] for pair checks (GX writes a tuple), a
/// {column: value} object for column-list checks (GX writes a dict).
/// </summary>
internal abstract class MultiColumnRowKernel : RowCheckKernel
{
    private readonly string[] _names;
    private readonly bool _asPair;

    protected MultiColumnRowKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, bool asPair, int sampleLimit)
        : base(sampleLimit)
    {
        _names = [.. fields.Select(f => f.Name)];
        _asPair = asPair;
        Ignore = ignore;
    }

    protected IgnoreRowIf Ignore { get; }

    protected sealed override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        var readers = MultiColumnScan.Readers(block);
        Scan(block, readers, state, row => RowValue(_names, readers, row, _asPair));
    }

    /// <summary>Runs <see cref="MultiColumnScan.Run"/> with the kernel's own check over one block.</summary>
    protected abstract void Scan(in ColumnBlock block, CellReader[] readers, UnexpectedRowsState state, Func<int, object?> valueAt);

    /// <summary>A row's values as results show them: a list for a pair, else an object keyed by column name.</summary>
    public static object RowValue(string[] names, CellReader[] readers, int row, bool asPair)
    {
        if (asPair)
        {
            return new object?[] { readers[0].Read(row).ToValue(), readers[1].Read(row).ToValue() };
        }
        var record = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            record[names[i]] = readers[i].Read(row).ToValue(); // a name listed twice is one key, as in a pandas row
        }
        return record;
    }

    /// <summary>The Arrow types of the columns, for messages.</summary>
    protected static string Describe(IReadOnlyList<Field> fields) =>
        string.Join(" and ", fields.Select(f => $"column `{f.Name}` ({f.DataType.Name})"));
}
