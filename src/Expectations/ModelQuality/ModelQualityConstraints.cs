using System.Globalization;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// SageMaker Model Monitor's model-quality constraints.json: per metric a threshold and the comparison that makes a
/// violation, <c>{"&lt;problem&gt;_constraints": {"accuracy": {"threshold": 0.8, "comparison_operator": "LessThanThreshold"}}}</c>.
/// </summary>
/// <param name="ProblemType">The problem type the constraints are for.</param>
/// <param name="Constraints">The constraints, in file order.</param>
public sealed record ModelQualityConstraints(ModelProblemType ProblemType, IReadOnlyList<ModelQualityConstraint> Constraints)
{
    /// <summary>A violation when the value is below the threshold: for metrics where higher is better.</summary>
    public const string LessThanThreshold = "LessThanThreshold";

    /// <summary>A violation when the value is above the threshold: for errors and false rates.</summary>
    public const string GreaterThanThreshold = "GreaterThanThreshold";

    /// <summary>Metrics where lower is better, so a rise is the violation (SageMaker's error metrics such as mae).</summary>
    private static readonly HashSet<string> s_lowerIsBetter = new(StringComparer.Ordinal) { "mae", "mse", "rmse", "false_positive_rate", "false_negative_rate" };

    /// <summary>
    /// The constraints SageMaker suggests from a baseline: every model metric (not the best-constant ones, which
    /// describe the data rather than the model) with the baseline's value as its threshold, so any later run that does
    /// worse than the baseline violates it. Edit the thresholds to allow some slack. Undefined metrics get none.
    /// </summary>
    public static ModelQualityConstraints Suggest(ModelQualityStatistics baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return new ModelQualityConstraints(baseline.ProblemType, [.. baseline.Metrics
            .Where(m => !m.Name.EndsWith(MetricNames.BestConstantSuffix, StringComparison.Ordinal) && double.IsFinite(m.Value))
            .Select(m => new ModelQualityConstraint(m.Name, m.Value, s_lowerIsBetter.Contains(m.Name) ? GreaterThanThreshold : LessThanThreshold))]);
    }

    /// <summary>
    /// Checks <paramref name="current"/> against every constraint. A constrained metric that could not be measured (auc
    /// with one class in the batch, or not computed at all) is a violation too: an unchecked gate must not pass.
    /// </summary>
    /// <exception cref="ConfigurationException">The statistics are of another problem type.</exception>
    public IReadOnlyList<ModelQualityViolation> Check(ModelQualityStatistics current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.ProblemType != ProblemType)
        {
            throw new ConfigurationException($"The baseline's constraints are for {ProblemType}, but this run measures {current.ProblemType}; give the same --problem-type as the baseline.");
        }
        var violations = new List<ModelQualityViolation>();
        foreach (var constraint in Constraints)
        {
            var metric = current.Metric(constraint.Metric);
            var threshold = constraint.Threshold.ToString(CultureInfo.InvariantCulture);
            if (metric is null || !double.IsFinite(metric.Value))
            {
                var why = metric is null ? "was not computed (give the probability column for auc)" : "is not defined on this data";
                violations.Add(new(constraint.Metric, constraint.ComparisonOperator, $"Metric {constraint.Metric} {why}, so it was not checked against {constraint.ComparisonOperator} {threshold}"));
                continue;
            }
            var violated = constraint.ComparisonOperator == LessThanThreshold ? metric.Value < constraint.Threshold : metric.Value > constraint.Threshold;
            if (violated)
            {
                var deviation = double.IsFinite(metric.StandardDeviation) ? $" +/- {metric.StandardDeviation.ToString(CultureInfo.InvariantCulture)}" : "";
                violations.Add(new(constraint.Metric, constraint.ComparisonOperator,
                    $"Metric {constraint.Metric} with {metric.Value.ToString(CultureInfo.InvariantCulture)}{deviation} was {constraint.ComparisonOperator} {threshold}"));
            }
        }
        return violations;
    }
}

/// <summary>One metric's threshold.</summary>
/// <param name="Metric">SageMaker's metric name.</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="ComparisonOperator"><see cref="ModelQualityConstraints.LessThanThreshold"/> or <see cref="ModelQualityConstraints.GreaterThanThreshold"/>: the comparison that is a violation.</param>
public sealed record ModelQualityConstraint(string Metric, double Threshold, string ComparisonOperator);

/// <summary>A violated model-quality constraint, as SageMaker's constraint_violations.json holds it.</summary>
/// <param name="MetricName">The metric.</param>
/// <param name="ConstraintCheckType">The comparison operator that held.</param>
/// <param name="Description">What was observed, in SageMaker's wording: <c>Metric accuracy with 0.74 was LessThanThreshold 0.8</c>.</param>
public sealed record ModelQualityViolation(string MetricName, string ConstraintCheckType, string Description);
