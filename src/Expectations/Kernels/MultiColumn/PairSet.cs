namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>
/// The <c>value_pairs_set</c> of <c>expect_column_pair_values_to_be_in_set</c>, compared as a set so that equal sets make
/// equal metric keys.
/// </summary>
/// <remarks>
/// Members compare by value like the rows they are matched with (1 equals 1.0, "1" does not). A pair holding a null never
/// matches: a missing value of a row is NaN in pandas, and NaN is in no set.
/// </remarks>
internal sealed class PairSet : IEquatable<PairSet>
{
    private readonly int _hash;

    public PairSet(IEnumerable<(object? A, object? B)> pairs)
    {
        Members = [];
        foreach (var (a, b) in pairs)
        {
            var pair = (Cell.FromObject(a), Cell.FromObject(b));
            if (!pair.Item1.IsMissing && !pair.Item2.IsMissing)
            {
                Members.Add(pair);
            }
        }
        _hash = Members.Aggregate(Members.Count, (h, p) => h ^ p.GetHashCode()); // order-independent, as set equality is
    }

    public HashSet<(Cell A, Cell B)> Members { get; }

    public bool Equals(PairSet? other) => other is not null && _hash == other._hash && Members.SetEquals(other.Members);

    public override bool Equals(object? obj) => Equals(obj as PairSet);

    public override int GetHashCode() => _hash;
}
