using Dq.Expectations.Sketches;

namespace Dq.Expectations.Profiling;

/// <summary>One distinct value of a low-cardinality column and how many rows hold it.</summary>
/// <param name="Value">The value as a plain .NET value (string, long, double, bool, DateOnly, DateTime…).</param>
/// <param name="Count">How many rows hold it.</param>
public readonly record struct CategoryCount(object Value, long Count);

/// <summary>What the profiler learned about one column. Profiles of the same column over other rows merge.</summary>
public sealed class ColumnProfile
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>The column's type: from the source's type, or inferred from text by Deequ's rules.</summary>
    public required FeatureType Type { get; init; }

    /// <summary>Whether <see cref="Type"/> was inferred from text (then <see cref="TypeCounts"/> says from what).</summary>
    public bool IsTypeInferred => TypeCounts is not null;

    /// <summary>For a text column, how many values look like each type; null for typed columns.</summary>
    public TypeCounts? TypeCounts { get; init; }

    /// <summary>Rows with a value (NaN counts as missing, as in pandas).</summary>
    public required long Present { get; init; }

    /// <summary>Rows without one.</summary>
    public required long Missing { get; init; }

    /// <summary>The share of rows with a value (1 for an empty table).</summary>
    public double Completeness => Present + Missing == 0 ? 1.0 : (double)Present / (Present + Missing);

    /// <summary>The numeric statistics, for Integral and Fractional columns with values; null otherwise.</summary>
    public NumericProfile? Numeric { get; init; }

    /// <summary>An HLL++ sketch of the distinct values (exact below <see cref="HyperLogLogPlusPlus.ExactLimit"/>).</summary>
    public required HyperLogLogPlusPlus Distinct { get; init; }

    /// <summary>
    /// Exact counts of every distinct value, most frequent first (ties in value order), when the column has at most the
    /// profile's categorical threshold of them; null for columns with more.
    /// </summary>
    public IReadOnlyList<CategoryCount>? Categories { get; init; }

    /// <summary>The shortest value of a text column, in code points; null for other columns or no values.</summary>
    public long? MinLength { get; init; }

    /// <summary>The longest value of a text column, in code points.</summary>
    public long? MaxLength { get; init; }

    /// <summary>The number of distinct values: exact from the categories when there are, else the HLL++ estimate.</summary>
    public long DistinctCount => Categories?.Count ?? Distinct.Estimate();

    /// <summary>The profile of this column over both sets of rows; neither input changes.</summary>
    /// <param name="other">The same column's profile over other rows.</param>
    /// <param name="categoricalThreshold">The most distinct values whose counts are kept.</param>
    /// <exception cref="ArgumentException">The profiles are of different columns, or of a typed and a text column.</exception>
    public ColumnProfile Merge(ColumnProfile other, int categoricalThreshold)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Name != Name)
        {
            throw new ArgumentException($"Cannot merge the profile of column `{other.Name}` into that of `{Name}`.", nameof(other));
        }
        if (other.IsTypeInferred != IsTypeInferred || (!IsTypeInferred && other.Type != Type && other.Present > 0 && Present > 0))
        {
            throw new ArgumentException($"Column `{Name}` has type {Type} in one profile and {other.Type} in the other; profile partitions read with the same schema.", nameof(other));
        }
        var distinct = Distinct.Clone();
        distinct.Merge(other.Distinct);
        var counts = TypeCounts is { } mine && other.TypeCounts is { } theirs ? mine + theirs : (TypeCounts?)null;
        var type = counts?.Decide() ?? (Present > 0 ? Type : other.Type);
        return new ColumnProfile
        {
            Name = Name,
            Type = type,
            TypeCounts = counts,
            Present = Present + other.Present,
            Missing = Missing + other.Missing,
            Numeric = type is FeatureType.Integral or FeatureType.Fractional ? MergeNumeric(Numeric, other.Numeric) : null,
            Distinct = distinct,
            Categories = MergeCategories(Categories, other.Categories, categoricalThreshold),
            MinLength = Min(MinLength, other.MinLength),
            MaxLength = Max(MaxLength, other.MaxLength),
        };
    }

    /// <summary>Categories in the profile's order: most rows first, ties in value order.</summary>
    internal static IReadOnlyList<CategoryCount> Ordered(IEnumerable<CategoryCount> counts) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, Columns.ValueComparer.Instance)];

    private static NumericProfile? MergeNumeric(NumericProfile? a, NumericProfile? b) => a is null ? b : b is null ? a : a.Merge(b);

    private static IReadOnlyList<CategoryCount>? MergeCategories(IReadOnlyList<CategoryCount>? a, IReadOnlyList<CategoryCount>? b, int threshold)
    {
        if (a is null || b is null)
        {
            return null;
        }
        var merged = new Dictionary<object, long>();
        foreach (var (value, count) in a.Concat(b))
        {
            merged[value] = merged.GetValueOrDefault(value) + count;
        }
        return merged.Count > threshold ? null : Ordered(merged.Select(m => new CategoryCount(m.Key, m.Value)));
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
