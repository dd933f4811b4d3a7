using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Baselines;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Monitoring.MonitorFixtures;

namespace Dq.Expectations.Tests.Monitoring;

/// <summary>SageMaker's constraint checks on batches whose expected outcome is counted here from the rows.</summary>
public sealed class BaselineMonitorTests
{
    private static readonly string[] s_statuses = ["placed", "shipped", "delivered", "returned", "cancelled"];
    private static readonly double[] s_statusWeights = [0.3, 0.3, 0.3, 0.07, 0.03];

    /// <summary>A batch of the same distributions each time: amount ~ N(100, 15) 98% complete, qty 1..9, status of five values.</summary>
    private static RecordBatch Orders(int rows, int seed, double completeness = 0.98, double shift = 0, string[]? statuses = null)
    {
        var random = new Random(seed);
        var amounts = Normal(random, rows, 100 + shift, 15).Select(v => random.NextDouble() < completeness ? (double?)Math.Round(v, 2) : null);
        var quantities = Enumerable.Range(0, rows).Select(_ => (long?)random.Next(1, 10));
        var status = Enumerable.Range(0, rows).Select(_ => (string?)Pick(random, statuses ?? s_statuses));
        return Arrays.Batch(("amount", Arrays.Double(amounts)), ("qty", Arrays.Int64(quantities)), ("status", Arrays.String(status)));
    }

    private static string Pick(Random random, string[] values)
    {
        var u = random.NextDouble();
        for (var i = 0; i < values.Length - 1; i++)
        {
            u -= s_statusWeights[Math.Min(i, s_statusWeights.Length - 1)];
            if (u < 0)
            {
                return values[i];
            }
        }
        return values[^1];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SameDistribution_TensOfThousandsOfRows_NoViolationAndNoDrift(int seed)
    {
        var baseline = Learn(Orders(50_000, seed));
        var report = Monitor(baseline, Orders(30_000, seed + 100));

        Assert.Empty(report.Violations);
        Assert.All(report.Drift.Features, f => Assert.False(f.DriftDetected, $"{f.Name}: {f.Method} {f.DecidingTest}"));
        Assert.False(report.Drift.DatasetDrift);
        Assert.Equal(0, report.Drift.ShareDrifted);
    }

    [Fact]
    public void CompletenessDrop_98To70_IsAViolationWithTheNumbers()
    {
        var baseline = Learn(Orders(20_000, 1));
        var batch = Orders(5_000, 2, completeness: 0.70);
        var report = Monitor(baseline, batch);

        var amountNulls = batch.Column(0).NullCount;
        var violation = report.Violations.Single(v => v.CheckType == ConstraintCheckTypes.Completeness);
        Assert.Equal("amount", violation.FeatureName);
        Assert.Contains($"Observed: {(100.0 * (5_000 - amountNulls) / 5_000).ToString("0.0", CultureInfo.InvariantCulture)}%", violation.Description, StringComparison.Ordinal);
        Assert.Matches(@"Expected completeness: (97\.[5-9]|98\.[0-4])%", violation.Description);
        Assert.Contains($"{amountNulls.ToString("N0", CultureInfo.InvariantCulture)} of 5,000 values missing", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void CompletenessDropInsideTheMargin_IsNoViolation_ButATighterMarginFlagsIt()
    {
        var baseline = Learn(Orders(20_000, 1, completeness: 0.99));
        var batch = Orders(20_000, 2, completeness: 0.975);

        Assert.DoesNotContain(Monitor(baseline, batch).Violations, v => v.CheckType == ConstraintCheckTypes.Completeness);
        var tight = Monitor(baseline, batch, new MonitorOptions { Features = new Dictionary<string, MonitorSettings> { ["amount"] = new() { CompletenessMargin = 0.005 } } });
        Assert.Contains(tight.Violations, v => v.CheckType == ConstraintCheckTypes.Completeness && v.FeatureName == "amount");
    }

    [Fact]
    public void OneSidedDropPValue_EqualsTheNormalTailOfThePooledZ()
    {
        // Worked example: 900/1000 vs 870/1000 → pooled P = 0.885, se = √(0.885·0.115·0.002), z = 2.10274;
        // p = ½·erfc(z/√2) = 0.017744225233237272 by Python's math.erfc.
        Assert.Equal(0.017744225233237272, ConstraintChecks.OneSidedDropPValue(0.9, 1000, 0.87, 1000), 12);
        Assert.Equal(0.5, ConstraintChecks.OneSidedDropPValue(0.9, 100, 0.9, 100), 12);
    }

    [Fact]
    public void NumericShift_IsABaselineDriftViolationInSageMakersWords()
    {
        var baseline = Learn(Orders(20_000, 1));
        var report = Monitor(baseline, Orders(20_000, 2, shift: 15));

        var drift = report.Violations.Single(v => v.CheckType == ConstraintCheckTypes.BaselineDrift);
        Assert.Equal("amount", drift.FeatureName);
        Assert.Matches(@"^Numerical distance: 0\.\d+ exceeds numerical threshold: 0\.1 \(linf_robust over 19,", drift.Description);
        var amount = report.Drift.Features.Single(f => f.Name == "amount");
        Assert.True(amount.DriftDetected);
        Assert.Equal(DriftMethods.WassersteinNormed, amount.Method); // > 1000 baseline rows: Evidently's Wasserstein
        Assert.Equal(1.0, amount.DecidingTest!.Statistic, 1); // a shift of one standard deviation
    }

    [Fact]
    public void NumbersNowText_IsADataTypeViolation_NotACrash()
    {
        var baseline = Learn(Arrays.Batch(("x", Arrays.String(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]))));
        var report = Monitor(baseline, Arrays.Batch(("x", Arrays.String(["1", "2", "three", "four", "five", "6", "seven", "8", "nine", "ten"]))));

        var violation = report.Violations.Single(v => v.CheckType == ConstraintCheckTypes.DataType);
        Assert.Equal("Data type match requirement is not met. Expected data type: Integral, Expected match: 90.0%. Observed: Only 40.0% of data is Integral (4 of 10 values; the data's type is String).", violation.Description);
        var x = report.Drift.Features.Single();
        Assert.True(x.DriftDetected);
        Assert.Contains("not", x.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedColumns_IntegerMatchesFractional_DoubleDoesNotMatchIntegral()
    {
        var integral = Learn(Arrays.Batch(("x", Arrays.Int64([1, 2, 3]))));
        var fractional = Learn(Arrays.Batch(("x", Arrays.Double([1.5, 2, 3]))));

        Assert.DoesNotContain(Monitor(fractional, Arrays.Batch(("x", Arrays.Int64([1, 2, 3])))).Violations, v => v.CheckType == ConstraintCheckTypes.DataType);
        Assert.Single(Monitor(integral, Arrays.Batch(("x", Arrays.Double([1, 2, 3])))).Violations, v => v.CheckType == ConstraintCheckTypes.DataType);
    }

    [Fact]
    public void MissingAndExtraColumns()
    {
        var baseline = Learn(Arrays.Batch(("a", Arrays.Int64([1, 2])), ("b", Arrays.Int64([1, 2]))));
        var report = Monitor(baseline, Arrays.Batch(("a", Arrays.Int64([1, 2])), ("c", Arrays.Int64([1, 2]))));

        Assert.Equal(
            [(ConstraintCheckTypes.MissingColumn, "b"), (ConstraintCheckTypes.ExtraColumn, "c")],
            report.Violations.Select(v => (v.CheckType, v.FeatureName)));
        Assert.Contains("baseline constraints: 2 columns, current dataset: 2 columns", report.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesOutsideTheDomain_CountedExactlyEvenBeyondTheProfilesThreshold()
    {
        var baseline = Learn(Arrays.Batch(("s", Arrays.String(Categories(("a", 50), ("b", 50))))));
        // 300 new distinct values (more than the profile's 120 exact categories) and 700 known ones.
        var values = Enumerable.Range(0, 300).Select(i => (string?)$"new{i}").Concat(Enumerable.Repeat<string?>("a", 400)).Concat(Enumerable.Repeat<string?>("b", 300)).ToArray();
        var report = Monitor(baseline, Arrays.Batch(("s", Arrays.String(values))));

        var violation = report.Violations.Single(v => v.CheckType == ConstraintCheckTypes.CategoricalValues);
        Assert.Contains("Observed: 30.0% (300 of 1,000 values)", violation.Description, StringComparison.Ordinal);
        Assert.Contains("'new", violation.Description, StringComparison.Ordinal);
        var drift = report.Drift.Features.Single();
        Assert.Null(drift.DecidingTest);
        Assert.NotNull(drift.Note);
    }

    [Fact]
    public void FewValuesOutsideTheDomain_BelowTheThreshold_NoViolation()
    {
        var baseline = Learn(Arrays.Batch(("s", Arrays.String(Categories(("a", 50), ("b", 50))))));
        var report = Monitor(baseline, Arrays.Batch(("s", Arrays.String(Categories(("a", 48), ("b", 47), ("z", 5))))));
        Assert.DoesNotContain(report.Violations, v => v.CheckType == ConstraintCheckTypes.CategoricalValues);
    }

    [Fact]
    public void FeatureOverrideInConstraintsJson_AndRunOverride_Precedence()
    {
        var batch = Orders(20_000, 2, shift: 15);
        var relaxed = Learn(Orders(20_000, 1), c => c with
        {
            Features = [.. c.Features.Select(f => f.Name == "amount" ? f with { MonitoringConfigOverrides = c.MonitoringConfig with { ComparisonThreshold = 0.9 } } : f)],
        });

        Assert.DoesNotContain(Monitor(relaxed, batch).Violations, v => v.CheckType == ConstraintCheckTypes.BaselineDrift);
        var strictRun = Monitor(relaxed, batch, new MonitorOptions { Run = new MonitorSettings { ComparisonThreshold = 0.1 } });
        Assert.Contains(strictRun.Violations, v => v.CheckType == ConstraintCheckTypes.BaselineDrift && v.FeatureName == "amount");
    }

    [Fact]
    public void DisabledFeature_HasNoViolations_ButStillADriftEntry()
    {
        var baseline = Learn(Orders(5_000, 1), c => c with
        {
            Features = [.. c.Features.Select(f => f.Name == "amount" ? f with { EvaluateConstraints = false } : f)],
        });
        var report = Monitor(baseline, Orders(5_000, 2, completeness: 0.5, shift: 30));

        Assert.DoesNotContain(report.Violations, v => v.FeatureName == "amount");
        Assert.True(report.Drift.Features.Single(f => f.Name == "amount").DriftDetected);
    }

    [Fact]
    public void DatasetDrift_WhenHalfTheColumnsDrift()
    {
        var baseline = Learn(Orders(5_000, 1));
        var shifted = Orders(5_000, 2, shift: 30, statuses: ["returned", "cancelled", "placed", "shipped", "delivered"]);
        var report = Monitor(baseline, shifted);

        Assert.Equal(2.0 / 3, report.Drift.ShareDrifted, 12);
        Assert.True(report.Drift.DatasetDrift);
        Assert.False(Monitor(baseline, shifted, new MonitorOptions { DriftShare = 0.7 }).Drift.DatasetDrift);
    }
}
