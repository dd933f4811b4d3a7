namespace Dq.Expectations.Monitoring;

/// <summary>One entry of SageMaker Model Monitor's constraint_violations.json.</summary>
/// <param name="FeatureName">The column the violation is about.</param>
/// <param name="CheckType">One of <see cref="ConstraintCheckTypes"/>.</param>
/// <param name="Description">What was expected and what was observed, with the numbers.</param>
public sealed record ConstraintViolation(string FeatureName, string CheckType, string Description);

/// <summary>SageMaker's <c>constraint_check_type</c> names.</summary>
public static class ConstraintCheckTypes
{
    /// <summary>Too few values of the baseline's type.</summary>
    public const string DataType = "data_type_check";

    /// <summary>Completeness dropped below the baseline's by more than sampling noise explains.</summary>
    public const string Completeness = "completeness_check";

    /// <summary>The distribution moved farther from the baseline's than the comparison threshold.</summary>
    public const string BaselineDrift = "baseline_drift_check";

    /// <summary>A baseline column is not in the data.</summary>
    public const string MissingColumn = "missing_column_check";

    /// <summary>The data has a column the baseline does not.</summary>
    public const string ExtraColumn = "extra_column_check";

    /// <summary>Too many values outside the baseline's domain.</summary>
    public const string CategoricalValues = "categorical_values_check";
}
