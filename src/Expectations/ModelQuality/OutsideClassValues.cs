using Dq.Expectations.Kernels.MultiColumn;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// Labels and predictions that belong to neither class: how many rows held one, and the first few distinct values
/// (by the row they first occur in), so a result can say what was found without keeping every value.
/// </summary>
/// <remarks>
/// Each state keeps the <see cref="Limit"/> values with the smallest first rows it has seen. A value among the
/// first <see cref="Limit"/> of the whole table is among those of the state that saw its first row, so merged states
/// keep exactly the table's first values whatever the split of rows.
/// </remarks>
internal sealed class OutsideClassValues
{
    /// <summary>How many distinct values are kept.</summary>
    public const int Limit = 20;

    private readonly Dictionary<Cell, long> _firstRows = [];

    /// <summary>Rows whose label is of neither class.</summary>
    public long Labels { get; private set; }

    /// <summary>Rows whose prediction is of neither class.</summary>
    public long Predictions { get; private set; }

    /// <summary>Rows left out because the label, the prediction or both are of neither class.</summary>
    public long Rows { get; private set; }

    /// <summary>Counts one row left out, with the values that put it out.</summary>
    /// <param name="row">The row's table-wide index.</param>
    /// <param name="label">The label, when it is of neither class.</param>
    /// <param name="prediction">The prediction, when it is of neither class.</param>
    public void Add(long row, Cell? label, Cell? prediction)
    {
        Rows++;
        if (label is { } l)
        {
            Labels++;
            Remember(l, row);
        }
        if (prediction is { } p)
        {
            Predictions++;
            Remember(p, row);
        }
    }

    /// <summary>Folds the rows of <paramref name="other"/> into these.</summary>
    public void Merge(OutsideClassValues other)
    {
        Rows += other.Rows;
        Labels += other.Labels;
        Predictions += other.Predictions;
        foreach (var (value, row) in other._firstRows)
        {
            Remember(value, row);
        }
    }

    /// <summary>The first distinct values, in the order of the rows they first occur in.</summary>
    public IReadOnlyList<object?> Values => [.. _firstRows.OrderBy(v => v.Value).Take(Limit).Select(v => v.Key.ToValue())];

    private void Remember(Cell value, long row)
    {
        if (_firstRows.TryGetValue(value, out var first))
        {
            if (row < first)
            {
                _firstRows[value] = row;
            }
            return;
        }
        _firstRows[value] = row;
        if (_firstRows.Count > 4 * Limit)
        {
            // Keep the first Limit; what is dropped can never be among the table's first Limit values.
            foreach (var dropped in _firstRows.OrderBy(v => v.Value).Skip(Limit).Select(v => v.Key).ToList())
            {
                _firstRows.Remove(dropped);
            }
        }
    }
}
