using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>
/// Groups the considered rows by their combination of values (pandas' <c>duplicated(keep=False)</c> over the column
/// list): every row of a combination seen twice is unexpected. The grouping is the one
/// <see cref="DuplicateState{TKey}"/> does for single columns, keyed by a whole row.
/// </summary>
internal sealed class CompoundDuplicatesKernel(IReadOnlyList<Field> fields, IgnoreRowIf ignore, int sampleLimit) : ColumnKernel
{
    private readonly string[] _names = [.. fields.Select(f => f.Name)];

    public override MetricState CreateState() => new CompoundDuplicateState(_names, sampleLimit);

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var duplicates = (CompoundDuplicateState)state;
        var readers = MultiColumnScan.Readers(block);
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var considered = MultiColumnScan.Considered(block, readers, ignore, row, Math.Min(64, end - row), out var skipped);
            duplicates.Skipped += BitOperations.PopCount(skipped);
            for (var bits = considered; bits != 0; bits &= bits - 1)
            {
                var at = row + BitOperations.TrailingZeroCount(bits);
                var cells = new Cell[readers.Length];
                for (var i = 0; i < readers.Length; i++)
                {
                    cells[i] = readers[i].Read(at);
                }
                duplicates.Add(new RowKey(cells), block.FirstRowIndex + at);
            }
        }
    }
}

/// <summary>One row's values as a hash key: equal when every cell is equal (missing equals missing, as in pandas).</summary>
internal sealed class RowKey : IEquatable<RowKey>
{
    private readonly int _hash;

    public RowKey(Cell[] cells)
    {
        Cells = cells;
        var hash = new HashCode();
        foreach (var cell in cells)
        {
            hash.Add(cell);
        }
        _hash = hash.ToHashCode();
    }

    public Cell[] Cells { get; }

    public bool Equals(RowKey? other) => other is not null && _hash == other._hash && Cells.AsSpan().SequenceEqual(other.Cells);

    public override bool Equals(object? obj) => Equals(obj as RowKey);

    public override int GetHashCode() => _hash;
}

/// <summary>
/// The combinations seen so far plus the rows <c>ignore_row_if</c> skipped. Merges like
/// <see cref="DuplicateState{TKey}"/>, so batch order and threads never change which rows are duplicates.
/// </summary>
internal sealed class CompoundDuplicateState : DuplicateState<RowKey>, IUnexpectedRowsSource
{
    public CompoundDuplicateState(string[] names, int sampleLimit)
        : base(null, key => Record(names, key), sampleLimit)
    {
    }

    /// <summary>Selected rows skipped by <c>ignore_row_if</c>, reported as missing.</summary>
    public long Skipped { get; set; }

    public override void Merge(MetricState other)
    {
        base.Merge(other);
        Skipped += ((CompoundDuplicateState)other).Skipped;
    }

    /// <summary>Every member of a repeated combination, plus the skipped count.</summary>
    public new UnexpectedRowsState ToUnexpectedRows()
    {
        var rows = base.ToUnexpectedRows();
        rows.Skipped = Skipped;
        return rows;
    }

    private static Dictionary<string, object?> Record(string[] names, RowKey key)
    {
        var record = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            record[names[i]] = key.Cells[i].ToValue();
        }
        return record;
    }
}
