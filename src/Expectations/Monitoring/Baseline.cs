using Dq.Expectations.Baselines;

namespace Dq.Expectations.Monitoring;

/// <summary>A baseline: the statistics.json and constraints.json that <c>dq profile</c> (or SageMaker) wrote.</summary>
/// <param name="Statistics">The baseline's distributions.</param>
/// <param name="Constraints">The baseline's constraints and monitoring settings.</param>
public sealed record Baseline(BaselineStatistics Statistics, BaselineConstraints Constraints)
{
    /// <summary>statistics.json's file name.</summary>
    public const string StatisticsFile = "statistics.json";

    /// <summary>constraints.json's file name.</summary>
    public const string ConstraintsFile = "constraints.json";

    /// <summary>Reads a baseline folder.</summary>
    /// <param name="directory">The folder holding statistics.json and constraints.json.</param>
    /// <exception cref="ConfigurationException">The folder or a file is missing, or a file is not in SageMaker's shape; the message names the file and the field.</exception>
    public static Baseline Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ConfigurationException(
                File.Exists(directory)
                    ? $"The baseline `{directory}` is a file; give the folder that holds {StatisticsFile} and {ConstraintsFile}."
                    : $"The baseline folder `{directory}` does not exist. Write one with `dq profile <data> --out {directory}`.");
        }
        var statistics = StatisticsJson.Read(ReadFile(directory, StatisticsFile), Path.Combine(directory, StatisticsFile));
        var constraints = ConstraintsJson.Read(ReadFile(directory, ConstraintsFile), Path.Combine(directory, ConstraintsFile));
        return new Baseline(statistics, constraints);
    }

    private static string ReadFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"The baseline folder `{directory}` has no {name}. Write both files with `dq profile <data> --out {directory}`, or copy SageMaker's.");
        }
        return ConfigurationText.Read(path, "baseline file");
    }
}
