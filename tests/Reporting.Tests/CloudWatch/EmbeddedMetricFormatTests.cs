using Dq.Expectations.Telemetry;
using Dq.Reporting.CloudWatch;

namespace Dq.Reporting.Tests.CloudWatch;

public sealed class EmbeddedMetricFormatTests
{
    private static readonly DateTimeOffset s_time = new(2024, 5, 17, 9, 30, 12, 345, TimeSpan.Zero);

    private static RunFigures Run(params ExpectationFigures[] expectations) =>
        new("orders", "data/orders.csv", s_time, Success: false, ExpectationsEvaluated: 8, ExpectationsFailed: 3, Rows: 200, Duration: TimeSpan.FromMilliseconds(1250))
        {
            Expectations = expectations,
        };

    [Fact]
    public void RunLine_HasTheDirectiveDimensionsAndValues()
    {
        var lines = EmbeddedMetricFormat.Lines(Run());

        var line = EmfLine.Parse(Assert.Single(lines));
        // 2024-05-17T09:30:12.345Z in milliseconds since the epoch (date -d ... +%s%3N).
        Assert.Equal(1715938212345, line.Timestamp);
        Assert.Equal("dq", line.Namespace);
        Assert.Equal(["Suite", "DataAsset"], line.Dimensions);
        Assert.Equal("orders", line.Dimension("Suite"));
        Assert.Equal("data/orders.csv", line.Dimension("DataAsset"));
        Assert.Equal(
            [("dq.validation.success", "None"), ("dq.expectations.evaluated", "Count"), ("dq.expectations.failed", "Count"), ("dq.rows", "Count"), ("dq.validation.duration", "Seconds")],
            line.Metrics);
        Assert.Equal(0, line.Value("dq.validation.success"));
        Assert.Equal(8, line.Value("dq.expectations.evaluated"));
        Assert.Equal(3, line.Value("dq.expectations.failed"));
        Assert.Equal(200, line.Value("dq.rows"));
        Assert.Equal(1.25, line.Value("dq.validation.duration"));
    }

    [Fact]
    public void Expectations_OneLinePerTypeAndColumn_SameTypeAndColumnShareAValueList()
    {
        var lines = EmbeddedMetricFormat.Lines(Run(
            new("expect_column_values_to_not_be_null", "customer_id", 0.5),
            new("expect_column_values_to_be_between", "amount", 1.5),
            new("expect_column_values_to_be_between", "amount", 2.5),
            new("expect_compound_columns_to_be_unique", null, 4)));

        Assert.Equal(4, lines.Count);
        var perExpectation = lines.Skip(1).Select(EmfLine.Parse).ToList();
        Assert.All(perExpectation, l => Assert.Equal([("dq.expectation.unexpected_percent", "Percent")], l.Metrics));
        Assert.Equal(["Suite", "DataAsset", "Expectation", "Column"], perExpectation[0].Dimensions);
        Assert.Equal("customer_id", perExpectation[0].Dimension("Column"));
        Assert.Equal([0.5], perExpectation[0].Values("dq.expectation.unexpected_percent"));
        Assert.Equal("expect_column_values_to_be_between", perExpectation[1].Dimension("Expectation"));
        Assert.Equal([1.5, 2.5], perExpectation[1].Values("dq.expectation.unexpected_percent"));
        Assert.Equal(["Suite", "DataAsset", "Expectation"], perExpectation[2].Dimensions);
        Assert.Equal([4.0], perExpectation[2].Values("dq.expectation.unexpected_percent"));
    }

    [Fact]
    public void NonFiniteValues_AreDropped_AndAMetricLeftWithoutValuesIsLeftOut()
    {
        var lines = EmbeddedMetricFormat.Lines(Run(
            new("expect_column_values_to_be_in_set", "status", double.NaN),
            new("expect_column_values_to_be_in_set", "status", 3),
            new("expect_column_values_to_match_regex", "zip", double.PositiveInfinity)));

        Assert.Equal(2, lines.Count);
        Assert.DoesNotContain("NaN", string.Concat(lines), StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", string.Concat(lines), StringComparison.Ordinal);
        var status = EmfLine.Parse(lines[1]);
        Assert.Equal("status", status.Dimension("Column"));
        Assert.Equal([3.0], status.Values("dq.expectation.unexpected_percent"));
    }

    [Fact]
    public void Namespace_IsWrittenWhenValid_AndRejectedOtherwise()
    {
        Assert.Equal("data-quality/orders", EmfLine.Parse(EmbeddedMetricFormat.Lines(Run(), "data-quality/orders")[0]).Namespace);

        // The specification's pattern ^[a-zA-Z0-9._#:/-]+$, 1 to 256 characters.
        Assert.True(EmbeddedMetricFormat.IsValidNamespace("a.b_c#d:e/f-G9"));
        Assert.True(EmbeddedMetricFormat.IsValidNamespace(new string('n', 256)));
        Assert.False(EmbeddedMetricFormat.IsValidNamespace(new string('n', 257)));
        Assert.False(EmbeddedMetricFormat.IsValidNamespace(""));
        Assert.False(EmbeddedMetricFormat.IsValidNamespace("data quality"));
        Assert.False(EmbeddedMetricFormat.IsValidNamespace("qualité"));
        Assert.Throws<ArgumentException>(() => EmbeddedMetricFormat.Lines(Run(), "data quality"));
    }

    [Fact]
    public void DimensionValues_OutsidePrintableAscii_AreEscapedAndLongOnesCut()
    {
        var run = Run() with { Suite = "qualité ✓", DataAsset = new string('x', 1500) };

        var line = EmfLine.Parse(EmbeddedMetricFormat.Lines(run)[0]);

        // é is C3 A9 in UTF-8, ✓ (U+2713) is E2 9C 93.
        Assert.Equal("qualit%C3%A9 %E2%9C%93", line.Dimension("Suite"));
        Assert.Equal(new string('x', 1024), line.Dimension("DataAsset"));
        Assert.Equal("-", EmfSerializer.DimensionValue("  "));
        // An escape is never cut in half: 1022 letters leave no room for the three characters of %C3.
        Assert.Equal(new string('a', 1022), EmfSerializer.DimensionValue(new string('a', 1022) + "é"));
    }
}
