using System.Diagnostics.CodeAnalysis;

namespace Dq.Expectations.Statistics;

/// <summary>Input checks shared by the statistics functions, with their messages kept in one place.</summary>
internal static class SampleChecks
{
    public static void RequireSorted(ReadOnlySpan<double> values, string parameter)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                Throw($"The sample '{parameter}' contains NaN at index {i}. Drop NaN (and nulls) before computing a distance.", parameter);
            }
            if (i > 0 && values[i] < values[i - 1])
            {
                Throw($"The sample '{parameter}' is not sorted: index {i} ({values[i]}) is below index {i - 1} ({values[i - 1]}). Sort it ascending first.", parameter);
            }
        }
    }

    public static void RequireNonEmpty(int length, string parameter)
    {
        if (length == 0)
        {
            Throw($"The distribution '{parameter}' is empty. A drift statistic needs at least one value on each side; check for an empty batch before calling.", parameter);
        }
    }

    public static void RequireSteps(ReadOnlySpan<CdfStep> steps, string parameter)
    {
        RequireNonEmpty(steps.Length, parameter);
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (double.IsNaN(step.Value) || !(step.CumulativeWeight >= 0) || double.IsInfinity(step.CumulativeWeight))
            {
                Throw($"Step {i} of '{parameter}' has value {step.Value} and cumulative weight {step.CumulativeWeight}; values must not be NaN and weights must be finite and ≥ 0.", parameter);
            }
            if (i > 0 && (step.Value <= steps[i - 1].Value || step.CumulativeWeight < steps[i - 1].CumulativeWeight))
            {
                Throw($"Step {i} of '{parameter}' does not follow step {i - 1}: values must increase strictly and cumulative weights must not decrease.", parameter);
            }
        }
        if (!(steps[^1].CumulativeWeight > 0))
        {
            Throw($"The distribution '{parameter}' has zero total weight.", parameter);
        }
    }

    public static void RequireSameLength(int left, int right, string leftName, string rightName)
    {
        if (left != right)
        {
            Throw($"'{leftName}' has {left} bins but '{rightName}' has {right}; both sides must be binned with the same edges.", leftName);
        }
    }

    [DoesNotReturn]
    public static void Throw(string message, string parameter) => throw new ArgumentException(message, parameter);
}
