using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation on the set of distinct non-null values of a column, compared by value with <c>value_set</c>
/// (1 equals 1.0). <c>observed_value</c> is the distinct values in order; <c>details.value_counts</c> their counts.
/// </summary>
public abstract class DistinctValuesExpectation : ValueCountsExpectation
{
    private protected DistinctValuesExpectation(ExpectationConfiguration configuration, KwargReader kwargs, bool allowNullSet)
        : base(configuration, kwargs)
    {
        if (!kwargs.HasKwarg("value_set"))
        {
            throw kwargs.Error("value_set", "is missing", "give the values as a list, such as [1, 2, 3]");
        }
        var values = kwargs.OptionalList("value_set");
        if (values is null && !allowNullSet)
        {
            throw kwargs.Error("value_set", "is null", "give the values as a list, such as [1, 2, 3]");
        }
        Values = values is null ? null : new ValueSet(values);
        kwargs.Boolean("parse_strings_as_datetimes", false);
        kwargs.RejectUnknown();
    }

    /// <summary>The expected values; null means "any" where the type allows it.</summary>
    internal ValueSet? Values { get; }

    /// <summary>Whether the distinct values (normalized as set members) meet the rule.</summary>
    private protected abstract bool Holds(IReadOnlySet<object> observed, ValueSet? expected);

    private protected override ExpectationResult Judge(IReadOnlyList<(object Value, long Count)> counts, ResultFormat format)
    {
        var observed = counts.Select(c => ValueSet.Normalize(c.Value)).ToHashSet();
        return Judged(Holds(observed, Values), format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = counts.Select(c => c.Value).ToList(),
            Details = new Dictionary<string, object?>
            {
                ["value_counts"] = counts.Select(c => (object?)new Dictionary<string, object?> { ["value"] = c.Value, ["count"] = c.Count }).ToList(),
            },
        });
    }
}
