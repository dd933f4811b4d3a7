using Dq.Expectations.Baselines;
using Dq.Expectations.Monitoring;

namespace Dq.Expectations.Tests.Monitoring;

/// <summary>constraint_violations.json and constraints.json's per-feature overrides, written and read back; baseline folders with problems.</summary>
public sealed class MonitorFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-monitor-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Violations_RoundTrip_InSageMakersShape()
    {
        ConstraintViolation[] violations =
        [
            new("amount", ConstraintCheckTypes.BaselineDrift, "Numerical distance: 0.27 exceeds numerical threshold: 0.1"),
            new("naïve \"col\"", ConstraintCheckTypes.MissingColumn, "…"),
        ];
        var json = ConstraintViolationsJson.Write(violations);

        Assert.Contains("\"constraint_check_type\": \"baseline_drift_check\"", json, StringComparison.Ordinal);
        Assert.Equal(violations, ConstraintViolationsJson.Read(json, "v.json"));
    }

    [Fact]
    public void FeatureOverrides_ReadOverTheGlobalConfig_AndRoundTrip()
    {
        const string json = """
            {"version": 0, "features": [
              {"name": "a", "inferred_type": "Fractional", "monitoringConfigOverrides": {"distribution_constraints": {"comparison_threshold": 0.3}}},
              {"name": "b", "inferred_type": "String", "string_constraints": {"domains": ["x"], "monitoring_config_overrides": {"evaluate_constraints": "Disabled"}}},
              {"name": "c", "inferred_type": "Integral"}],
             "monitoring_config": {"datatype_check_threshold": 0.2, "distribution_constraints": {"comparison_method": "Simple"}}}
            """;
        var constraints = ConstraintsJson.Read(json, "constraints.json");

        var a = constraints.Feature("a")!.MonitoringConfigOverrides!;
        Assert.Equal(0.3, a.ComparisonThreshold);
        Assert.Equal(0.2, a.DatatypeCheckThreshold); // inherited from the file's monitoring_config
        Assert.Equal(ComparisonMethod.Simple, a.ComparisonMethod);
        Assert.Equal(0.3, a.CategoricalComparisonThreshold); // SageMaker: defaults to the numeric threshold
        Assert.False(constraints.Feature("b")!.EvaluateConstraints);
        Assert.Null(constraints.Feature("b")!.MonitoringConfigOverrides);
        Assert.Null(constraints.Feature("c")!.MonitoringConfigOverrides);

        var again = ConstraintsJson.Read(ConstraintsJson.Write(constraints), "constraints.json");
        Assert.Equal(a, again.Feature("a")!.MonitoringConfigOverrides);
        Assert.False(again.Feature("b")!.EvaluateConstraints);
    }

    [Fact]
    public void Load_MissingFolderOrFile_SaysWhichAndHowToFix()
    {
        var missing = Assert.Throws<ConfigurationException>(() => Baseline.Load(Path.Combine(_folder, "nope")));
        Assert.Contains("dq profile", missing.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, Baseline.StatisticsFile), """{"version": 0, "dataset": {"item_count": 1}, "features": []}""");
        var noConstraints = Assert.Throws<ConfigurationException>(() => Baseline.Load(_folder));
        Assert.Contains("has no constraints.json", noConstraints.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, Baseline.ConstraintsFile), """{"version": 0, "features": [{"name": "x"}]}""");
        var badField = Assert.Throws<ConfigurationException>(() => Baseline.Load(_folder));
        Assert.Contains("constraints.json", badField.Message, StringComparison.Ordinal);
        Assert.Contains("inferred_type", badField.Message, StringComparison.Ordinal);
    }
}
