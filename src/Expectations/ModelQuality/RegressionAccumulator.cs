using Dq.Expectations.Metrics;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// Regression error aggregates over (actual, predicted) pairs, mergeable in any order: compensated sums of |e|, e²
/// and |e|/max(|y|, ε), and the mean and squared deviations of the actual values (Welford, merged with Chan's
/// formula), from which <see cref="Compute"/> gives SageMaker's mae, mse, rmse and r2 and scikit-learn's mape.
/// </summary>
/// <remarks>
/// <para>
/// r2 is scikit-learn's <c>r2_score</c> with <c>force_finite=True</c>: 1 − SS_res/SS_tot, where SS_tot = Σ(y − ȳ)²
/// is taken from the Welford state rather than from Σy² − nȳ², which cancels catastrophically. When the actual values
/// are all equal (SS_tot = 0) r2 is 1 if every prediction is exact and 0 otherwise; with fewer than two pairs it is
/// NaN (scikit-learn warns that it is not well defined).
/// </para>
/// <para>
/// mape is scikit-learn's <c>mean_absolute_percentage_error</c>: mean of |y − ŷ| / max(|y|, ε) with ε the float64
/// machine epsilon 2⁻⁵² (numpy's <c>finfo(float64).eps</c>; not .NET's <see cref="double.Epsilon"/>), a fraction,
/// not a percentage; an actual 0 gives a huge but finite term.
/// </para>
/// <para>
/// A pair with a NaN or infinite value has no error to average (scikit-learn rejects the input); it is counted in
/// <see cref="NonFinitePairs"/> and left out, for the caller to report. With no finite pair every metric is NaN.
/// </para>
/// </remarks>
internal sealed class RegressionAccumulator : MetricState
{
    /// <summary>numpy's <c>finfo(float64).eps</c>, the gap between 1 and the next double: 2⁻⁵².</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    private CompensatedSum _absoluteErrors;
    private CompensatedSum _squaredErrors;
    private CompensatedSum _relativeErrors;

    /// <summary>The finite pairs counted.</summary>
    public long Count { get; private set; }

    /// <summary>Pairs skipped because the actual or predicted value was NaN or infinite.</summary>
    public long NonFinitePairs { get; private set; }

    /// <summary>The mean of the actual values (Welford).</summary>
    public double ActualMean { get; private set; }

    /// <summary>Σ(y − ȳ)² of the actual values: the total sum of squares, SS_tot.</summary>
    public double ActualSquaredDeviations { get; private set; }

    /// <summary>Σ(y − ŷ)²: the residual sum of squares, SS_res.</summary>
    public double SquaredErrors => _squaredErrors.Value;

    /// <summary>Counts one pair.</summary>
    public void Add(double actual, double predicted)
    {
        if (!double.IsFinite(actual) || !double.IsFinite(predicted))
        {
            NonFinitePairs++;
            return;
        }
        var error = Math.Abs(actual - predicted);
        _absoluteErrors.Add(error);
        _squaredErrors.Add(error * error);
        _relativeErrors.Add(error / Math.Max(Math.Abs(actual), MachineEpsilon));
        Count++;
        var delta = actual - ActualMean;
        ActualMean += delta / Count;
        ActualSquaredDeviations += delta * (actual - ActualMean);
    }

    /// <summary>Folds the pairs of <paramref name="other"/> (other rows) into this state.</summary>
    public void Merge(RegressionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        NonFinitePairs += other.NonFinitePairs;
        if (other.Count == 0)
        {
            return;
        }
        _absoluteErrors.Add(other._absoluteErrors);
        _squaredErrors.Add(other._squaredErrors);
        _relativeErrors.Add(other._relativeErrors);
        var total = Count + other.Count;
        // Chan et al.: the combined mean and M2 of two groups.
        var delta = other.ActualMean - ActualMean;
        ActualSquaredDeviations += other.ActualSquaredDeviations + (delta * delta * ((double)Count * other.Count / total));
        ActualMean += delta * ((double)other.Count / total);
        Count = total;
    }

    /// <inheritdoc />
    public override void Merge(MetricState other) => Merge((RegressionAccumulator)other);

    /// <summary>The value of <paramref name="metric"/> (one of <see cref="MetricNames.Regression"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not an accepted name.</exception>
    public double Compute(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricNames.IsAccepted(MetricNames.Regression, metric))
        {
            ModelQualityThrow.UnknownMetric("regression", metric, MetricNames.Regression);
        }
        if (Count == 0)
        {
            return double.NaN;
        }
        return metric switch
        {
            "mae" => _absoluteErrors.Value / Count,
            "mse" => _squaredErrors.Value / Count,
            "rmse" => Math.Sqrt(_squaredErrors.Value / Count),
            "mape" => _relativeErrors.Value / Count,
            _ => RSquared(),
        };
    }

    private double RSquared()
    {
        if (Count < 2)
        {
            return double.NaN;
        }
        var residual = _squaredErrors.Value;
        if (ActualSquaredDeviations == 0)
        {
            return residual == 0 ? 1.0 : 0.0;
        }
        return 1 - (residual / ActualSquaredDeviations);
    }
}
