namespace Dq.Expectations.Profiling;

/// <summary>
/// The profile of a dataset: its row count and one <see cref="ColumnProfile"/> per column, in the data's order.
/// Profiles of partitions of one dataset merge into the profile of the whole.
/// </summary>
public sealed class DataProfile
{
    /// <summary>Creates a profile.</summary>
    public DataProfile(string name, long rowCount, IReadOnlyList<ColumnProfile> columns, int categoricalThreshold = ProfileOptions.DefaultCategoricalThreshold)
    {
        ArgumentNullException.ThrowIfNull(columns);
        (Name, RowCount, Columns, CategoricalThreshold) = (name, rowCount, columns, categoricalThreshold);
    }

    /// <summary>What was profiled (the source's name, such as its path).</summary>
    public string Name { get; }

    /// <summary>How many rows.</summary>
    public long RowCount { get; }

    /// <summary>The columns, in the data's order.</summary>
    public IReadOnlyList<ColumnProfile> Columns { get; }

    /// <summary>The most distinct values a column may have for its values to be counted exactly.</summary>
    public int CategoricalThreshold { get; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public ColumnProfile? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The profile of both datasets' rows together (as if one source had held them all); neither input changes.</summary>
    /// <exception cref="ArgumentException">The profiles have different columns or thresholds.</exception>
    public DataProfile Merge(DataProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Columns.Select(c => c.Name).SequenceEqual(other.Columns.Select(c => c.Name), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Cannot merge profiles with different columns: [{string.Join(", ", Columns.Select(c => c.Name))}] and [{string.Join(", ", other.Columns.Select(c => c.Name))}].",
                nameof(other));
        }
        if (other.CategoricalThreshold != CategoricalThreshold)
        {
            throw new ArgumentException($"Cannot merge profiles with categorical thresholds {CategoricalThreshold} and {other.CategoricalThreshold}.", nameof(other));
        }
        var columns = Columns.Select((c, i) => c.Merge(other.Columns[i], CategoricalThreshold)).ToList();
        return new DataProfile(Name, RowCount + other.RowCount, columns, CategoricalThreshold);
    }
}
