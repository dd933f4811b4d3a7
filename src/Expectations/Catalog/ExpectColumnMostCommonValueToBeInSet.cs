using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_most_common_value_to_be_in_set</c>: the most frequent non-null value is in <c>value_set</c>.
/// When several values tie, all are reported (in order) and, unless <c>ties_okay</c>, the expectation fails; with
/// <c>ties_okay</c> it holds when any tied value is in the set.
/// </summary>
public sealed class ExpectColumnMostCommonValueToBeInSet : ValueCountsExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_most_common_value_to_be_in_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnMostCommonValueToBeInSet(c, k),
        static d => d.Flag("ties_okay")
                ? d.Sentence("the most common value in {column} must belong to {value_set} (ties allowed)")
                : d.Sentence("the most common value in {column} must belong to {value_set}"));

    internal ExpectColumnMostCommonValueToBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Values = new ValueSet(kwargs.OptionalList("value_set") ?? throw kwargs.Error("value_set", "is missing or null", "give the allowed values as a list"));
        TiesOkay = kwargs.Boolean("ties_okay", false);
        kwargs.RejectUnknown();
    }

    /// <summary>Whether a tie passes when one of the tied values is in the set.</summary>
    public bool TiesOkay { get; }

    internal ValueSet Values { get; }

    private protected override ExpectationResult Judge(IReadOnlyList<(object Value, long Count)> counts, ResultFormat format)
    {
        if (counts.Count == 0)
        {
            return NothingObserved(format);
        }
        var highest = counts.Max(c => c.Count);
        var modes = counts.Where(c => c.Count == highest).Select(c => c.Value).ToList();
        var inSet = modes.Where(m => Values.Members.Contains(ValueSet.Normalize(m))).ToList();
        var success = modes.Count == 1 ? inSet.Count == 1 : TiesOkay && inSet.Count > 0;
        return Judged(success, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = modes });
    }
}
