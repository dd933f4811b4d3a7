using System.Text.Json.Nodes;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_pair_values_to_be_in_set</c>: each row's pair (<c>column_A</c>, <c>column_B</c>) is one of
/// <c>value_pairs_set</c>, a list of two-value lists. Members match by value (1 equals 1.0); a row with a missing
/// value matches no member.
/// </summary>
public sealed class ExpectColumnPairValuesToBeInSet : MultiColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_pair_values_to_be_in_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnPairValuesToBeInSet(c, k),
        static d => d.Sentence("pairs of values in {column_A} and {column_B} must belong to {value_pairs_set}"));

    internal ExpectColumnPairValuesToBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : this(configuration, kwargs, ReadPair(kwargs))
    {
    }

    private ExpectColumnPairValuesToBeInSet(ExpectationConfiguration configuration, KwargReader kwargs, ColumnList columns)
        : base(configuration, kwargs, columns.Names, ReadIgnore(kwargs, pair: true))
    {
        UnexpectedKey = new PairNotInSetKey(columns, Ignore, new PairSet(ReadPairs(kwargs)));
        kwargs.RejectUnknown();
    }

    private protected override MultiColumnMetricKey UnexpectedKey { get; }

    private static List<(object? A, object? B)> ReadPairs(KwargReader kwargs)
    {
        var node = kwargs.Node("value_pairs_set");
        if (node is not JsonArray array)
        {
            throw kwargs.Error("value_pairs_set", node is null ? "is missing" : "is not a list", "give the allowed pairs as a list of two-value lists, such as [[1, \"a\"], [2, \"b\"]]");
        }
        var pairs = new List<(object?, object?)>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonArray { Count: 2 } pair
                || !JsonScalars.TryGetScalar(pair[0], out var a) || !JsonScalars.TryGetScalar(pair[1], out var b))
            {
                throw kwargs.Error("value_pairs_set", $"holds {item?.ToJsonString() ?? "null"}, which is not a pair of values", "give each member as a two-value list, such as [1, \"a\"]");
            }
            pairs.Add((a, b));
        }
        return pairs;
    }
}
