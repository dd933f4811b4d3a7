using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_value_z_scores_to_be_less_than</c>: the z-score of every non-null value, (x − mean) / sample
/// standard deviation, is below <c>threshold</c>, in absolute value when <c>double_sided</c>.
/// </summary>
/// <remarks>
/// Needs a first pass for the column's mean and deviation (the engine plans it). A zero or undefined deviation
/// makes every value unexpected, as in pandas, and so does NaN. A non-numeric column is an error result.
/// </remarks>
public sealed class ExpectColumnValueZScoresToBeLessThan : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_value_z_scores_to_be_less_than";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValueZScoresToBeLessThan(c, k),
        static d => d.Flag("double_sided")
                ? d.Sentence("z-scores of values in {column} must be less than {threshold} in absolute value")
                : d.Sentence("z-scores of values in {column} must be less than {threshold}"));

    internal ExpectColumnValueZScoresToBeLessThan(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Threshold = kwargs.OptionalNumber("threshold") switch
        {
            null => throw kwargs.Error("threshold", "is missing", "give the largest allowed z-score, such as 3"),
            long l => l,
            var d => (double)d,
        };
        if (!kwargs.HasKwarg("double_sided"))
        {
            throw kwargs.Error("double_sided", "is missing", "give true to bound |z|, or false to bound z from above only");
        }
        DoubleSided = kwargs.Boolean("double_sided", true);
        kwargs.RejectUnknown();
    }

    /// <summary>The z-score every value must stay below.</summary>
    public double Threshold { get; }

    /// <summary>Whether the absolute z-score is bounded (both tails) rather than the z-score itself (upper tail).</summary>
    public bool DoubleSided { get; }

    private protected override MetricKey UnexpectedKey => new ZScoreKey(Column, Threshold, DoubleSided);
}
