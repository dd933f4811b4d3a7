using Dq.Expectations.Columns;
using Dq.Expectations.Suites;
using Dq.Expectations.Telemetry;
using Dq.Expectations.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Dq.Expectations.Tests.Telemetry;

public sealed class DqMeterTests
{
    /// <summary>
    /// A library user's setup: a MeterProvider with the dq meter and the in-memory exporter sees a validation's figures
    /// with the Suite/DataAsset (and Expectation/Column) attributes, and values worked out from the data by hand.
    /// </summary>
    [Fact]
    public void Validation_IsRecordedOnTheMeter_WithItsDimensionsAndValues()
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(DqMeter.Name).AddInMemoryExporter(exported).Build();
        // Tests run in parallel and every validation records: a suite name of its own picks this test's points.
        var suiteName = $"meter-{Guid.NewGuid():N}";
        // 8 rows; `amount` has 2 nulls and 1 of its 6 values (-3) below 0: unexpected_percent = 100 * 1/6.
        var batch = Arrays.Batch(("amount", Arrays.Double([5, null, 7, -3, 12, null, 1, 2])));
        var suite = new SuiteBuilder(suiteName)
            .ExpectColumnValuesToNotBeNull("amount", mostly: 0.5)
            .ExpectColumnValuesToBeBetween("amount", min: 0)
            .ExpectTableRowCountToBeBetween(min: 1)
            .Build();

        using (var source = new RecordBatchSource(batch, "orders-batch"))
        {
            Validator.Validate(source, suite, cancellationToken: TestContext.Current.CancellationToken);
        }
        provider.ForceFlush();

        var run = new Dictionary<string, object?> { ["Suite"] = suiteName, ["DataAsset"] = "orders-batch" };
        Assert.Equal(0, Gauge(exported, "dq.validation.success", run));
        Assert.Equal(3, Gauge(exported, "dq.expectations.evaluated", run));
        Assert.Equal(1, Gauge(exported, "dq.expectations.failed", run));
        Assert.Equal(8, Gauge(exported, "dq.rows", run));
        var duration = Assert.Single(Points(exported, "dq.validation.duration", run));
        Assert.Equal(1, duration.GetHistogramCount());
        Assert.True(duration.GetHistogramSum() >= 0);
        Assert.Equal("s", exported.First(m => m.Name == "dq.validation.duration").Unit);

        var between = new Dictionary<string, object?>(run) { ["Expectation"] = "expect_column_values_to_be_between", ["Column"] = "amount" };
        Assert.Equal(100.0 / 6, Gauge(exported, "dq.expectation.unexpected_percent", between), 12);
        var notNull = new Dictionary<string, object?>(run) { ["Expectation"] = "expect_column_values_to_not_be_null", ["Column"] = "amount" };
        Assert.Equal(25.0, Gauge(exported, "dq.expectation.unexpected_percent", notNull), 12);
        // The row-count expectation reports no unexpected percent, so no per-expectation point names it.
        Assert.DoesNotContain(Points(exported, "dq.expectation.unexpected_percent", run), p => Tags(p)["Expectation"] as string == "expect_table_row_count_to_be_between");
    }

    [Fact]
    public void NonFiniteUnexpectedPercent_IsNotRecorded()
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(DqMeter.Name).AddInMemoryExporter(exported).Build();
        var suiteName = $"meter-{Guid.NewGuid():N}";
        var run = new RunFigures(suiteName, "a", DateTimeOffset.UnixEpoch, true, 2, 0, 10, TimeSpan.FromSeconds(1))
        {
            Expectations = [new("expect_column_values_to_be_in_set", "x", double.NaN), new("expect_column_values_to_be_in_set", "y", 4)],
        };

        DqMeter.Record(run);
        provider.ForceFlush();

        var point = Assert.Single(Points(exported, "dq.expectation.unexpected_percent", new Dictionary<string, object?> { ["Suite"] = suiteName }));
        Assert.Equal("y", Tags(point)["Column"]);
        Assert.Equal(4.0, point.GetGaugeLastValueDouble());
    }

    private static double Gauge(List<Metric> exported, string name, Dictionary<string, object?> tags)
    {
        var point = Assert.Single(Points(exported, name, tags));
        var metric = exported.Last(m => m.Name == name);
        return metric.MetricType == MetricType.DoubleGauge ? point.GetGaugeLastValueDouble() : point.GetGaugeLastValueLong();
    }

    /// <summary>The points of the last export of <paramref name="name"/> whose attributes include <paramref name="tags"/>.</summary>
    private static List<MetricPoint> Points(List<Metric> exported, string name, Dictionary<string, object?> tags)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in exported.Where(m => m.Name == name && m.MeterName == DqMeter.Name).TakeLast(1))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var attributes = Tags(point);
                if (tags.All(t => attributes.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
                {
                    points.Add(point);
                }
            }
        }
        return points;
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var attributes = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            attributes[tag.Key] = tag.Value;
        }
        return attributes;
    }
}
