using System.Text.Json.Nodes;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_kl_divergence_to_be_less_than</c>: the KL divergence of the column's distribution from the
/// expected <c>partition_object</c> is at most <c>threshold</c> (no threshold: always holds, the divergence is
/// reported). Categorical partitions compare value frequencies; continuous ones a histogram over the partition's
/// bins, with the mass below and above the bins as tails.
/// </summary>
/// <remarks>
/// GX's holdouts are applied as GX does: <c>tail_weight_holdout</c> is the expected weight of values outside the
/// partition (or of unexpected categories), <c>internal_weight_holdout</c> is shared by the empty bins. An infinite
/// divergence has <c>observed_value: null</c> and fails. Without a partition, dq builds one from the data (numpy's
/// "auto" bins, or the value frequencies when <c>bucketize_data</c> is false), which profiles the column.
/// </remarks>
public sealed partial class ExpectColumnKlDivergenceToBeLessThan : ValueCountsExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_kl_divergence_to_be_less_than";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnKlDivergenceToBeLessThan(c, k),
        static d => d.Sentence("the KL divergence of {column} from the expected partition must be less than {threshold}"));

    private readonly Partition? _partition;
    private readonly double? _threshold;
    private readonly double _tailHoldout;
    private readonly double _internalHoldout;
    private readonly bool _bucketize;

    internal ExpectColumnKlDivergenceToBeLessThan(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        var partition = kwargs.Node("partition_object");
        _partition = partition switch
        {
            null => null,
            JsonObject o => Partition.Read(kwargs, o),
            _ => throw kwargs.Error("partition_object", "is not an object", "give {\"bins\": [...], \"weights\": [...]} or {\"values\": [...], \"weights\": [...]}"),
        };
        _threshold = Fraction(kwargs, "threshold", max: double.PositiveInfinity);
        _tailHoldout = Fraction(kwargs, "tail_weight_holdout", max: 1) ?? 0;
        _internalHoldout = Fraction(kwargs, "internal_weight_holdout", max: 1) ?? 0;
        _bucketize = kwargs.Boolean("bucketize_data", true);
        kwargs.Bound("min_value");
        kwargs.Bound("max_value");
        Validate(kwargs);
        kwargs.RejectUnknown();
    }

    private void Validate(KwargReader kwargs)
    {
        if (_partition is null)
        {
            return;
        }
        if (_tailHoldout != 0 && _partition.TailWeights is not null)
        {
            throw kwargs.Error("tail_weight_holdout", "must be 0 when the partition has tail_weights (ValueError in GX)", "drop one of them");
        }
        if (_partition.IsCategorical && _internalHoldout > 0)
        {
            throw kwargs.Error("internal_weight_holdout", "cannot be used for a categorical partition (ValueError in GX)", "remove it");
        }
        if (_partition.Bins is { } bins && (double.IsInfinity(bins[0]) || double.IsInfinity(bins[^1])))
        {
            if (_partition.TailWeights is not null)
            {
                throw kwargs.Error("partition_object", "has tail_weights and an infinite end (ValueError in GX)", "give either an infinite end or tail weights");
            }
            if (double.IsNegativeInfinity(bins[0]) && double.IsPositiveInfinity(bins[^1]) && _tailHoldout > 0)
            {
                throw kwargs.Error("tail_weight_holdout", "cannot be used for a partition with both ends infinite (ValueError in GX)", "remove it");
            }
        }
        if (!_bucketize && !_partition.IsCategorical)
        {
            throw kwargs.Error("bucketize_data", "is false but the partition is continuous", "set it to true or give a categorical partition");
        }
    }

    private static double? Fraction(KwargReader kwargs, string name, double max)
    {
        var value = kwargs.OptionalNumber(name);
        var number = value is null ? (double?)null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return number is < 0 || number > max
            ? throw kwargs.Error(name, $"is {number}", max == 1 ? "give a value greater than or equal to 0 and less than or equal to 1" : "give a value of 0 or more")
            : number;
    }

    private protected override ExpectationResult Judge(IReadOnlyList<(object Value, long Count)> counts, ResultFormat format)
    {
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return NothingObserved(format);
        }
        var partition = _partition ?? (_bucketize ? AutoPartition(counts, total) : CategoricalPartition(counts, total));
        if (!partition.IsCategorical && !HoldsNumbers(counts))
        {
            return CannotJudge($"column `{Column}` does not hold numbers, so it cannot be compared with a continuous partition; give a categorical partition (values and weights).");
        }
        var (divergence, details) = partition.IsCategorical ? Categorical(partition, counts, total) : Continuous(partition, counts, total);
        var finite = double.IsFinite(divergence);
        var success = _threshold is not { } threshold || (finite && divergence <= threshold);
        return Judged(success, format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = finite ? divergence : null,
            Details = details,
        });
    }
}
