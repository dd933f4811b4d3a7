using System.Diagnostics.CodeAnalysis;

namespace Dq.Expectations.ModelQuality;

/// <summary>The throws of the model-quality calculators, kept out of their switch statements and worded in one place.</summary>
internal static class ModelQualityThrow
{
    /// <summary>An unknown metric name: says which family was asked and lists the names it accepts.</summary>
    [DoesNotReturn]
    public static void UnknownMetric(string family, string metric, IReadOnlyList<string> accepted) =>
        throw new ArgumentException(
            $"`{metric}` is not a {family} metric. The accepted names are {MetricNames.Describe(accepted)}. Check the spelling (lower case, underscores, as SageMaker writes them).",
            nameof(metric));
}
