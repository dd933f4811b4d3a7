using Dq.Reporting.CloudWatch;

namespace Dq.Reporting.Tests.CloudWatch;

public sealed class EmfSerializerTests
{
    private static readonly DateTimeOffset s_time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
    private static readonly KeyValuePair<string, string>[] s_dimensions = [new("Suite", "s"), new("DataAsset", "a")];

    [Theory]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(250, 3)]
    public void MoreThanAHundredMetrics_SplitIntoLinesOfAtMostAHundred(int count, int expectedLines)
    {
        var metrics = Enumerable.Range(0, count).Select(i => new EmfMetric($"feature_{i}", EmfUnits.Count, i)).ToList();

        var lines = EmfSerializer.Lines("dq", s_time, new EmfEvent(s_dimensions, metrics)).Select(EmfLine.Parse).ToList();

        Assert.Equal(expectedLines, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.InRange(l.Metrics.Count, 1, 100);
            Assert.Equal(["Suite", "DataAsset"], l.Dimensions);
            Assert.Equal(1_700_000_000_123, l.Timestamp);
        });
        // Every metric exactly once, with its own value.
        var seen = lines.SelectMany(l => l.Metrics.Select(m => (m.Name, Value: l.Value(m.Name)))).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => ($"feature_{i}", (double)i)), seen);
    }

    [Fact]
    public void MoreThanAHundredValues_SplitIntoLinesOfAtMostAHundredValuesInOrder()
    {
        var values = Enumerable.Range(0, 230).Select(i => i / 4.0).ToList();
        EmfMetric[] metrics = [new("many", EmfUnits.Percent, values), new("one", EmfUnits.None, 7)];

        var lines = EmfSerializer.Lines("dq", s_time, new EmfEvent(s_dimensions, metrics)).Select(EmfLine.Parse).ToList();

        Assert.Equal(3, lines.Count);
        Assert.Equal([100, 100, 30], lines.Select(l => l.Values("many").Count));
        Assert.Equal(values, lines.SelectMany(l => l.Values("many")));
        // The single-valued metric is written once, in the first line.
        Assert.Equal([("many", "Percent"), ("one", "None")], lines[0].Metrics);
        Assert.All(lines.Skip(1), l => Assert.Equal([("many", "Percent")], l.Metrics));
    }

    [Fact]
    public void OnlyNonFiniteValues_GiveNoLine()
    {
        var lines = EmfSerializer.Lines("dq", s_time, new EmfEvent(s_dimensions, [new EmfMetric("x", EmfUnits.None, [double.NaN, double.NegativeInfinity])]));

        Assert.Empty(lines);
    }

    [Fact]
    public void InvalidNamesUnitsAndDimensionCounts_AreRejected()
    {
        EmfEvent Event(IReadOnlyList<KeyValuePair<string, string>> dimensions, string name = "m", string unit = EmfUnits.Count) =>
            new(dimensions, [new EmfMetric(name, unit, 1)]);

        Assert.Throws<ArgumentException>(() => EmfSerializer.Lines("dq", s_time, Event(s_dimensions, unit: "Rows")));
        Assert.Throws<ArgumentException>(() => EmfSerializer.Lines("dq", s_time, Event(s_dimensions, name: new string('m', 1025))));
        Assert.Throws<ArgumentException>(() => EmfSerializer.Lines("dq", s_time, Event([new(":Suite", "s")])));
        Assert.Throws<ArgumentException>(() => EmfSerializer.Lines("dq", s_time, Event([new(new string('d', 251), "s")])));
        var thirtyOne = Enumerable.Range(0, 31).Select(i => KeyValuePair.Create($"D{i}", "v")).ToList();
        Assert.Throws<ArgumentException>(() => EmfSerializer.Lines("dq", s_time, Event(thirtyOne)));
        Assert.Single(EmfSerializer.Lines("dq", s_time, Event(thirtyOne.Take(30).ToList())));
        Assert.Throws<ArgumentException>(() => EmfSerializer.Lines("dq", s_time, new EmfEvent(s_dimensions, [new("m", EmfUnits.Count, 1), new("m", EmfUnits.Count, 2)])));
    }

    [Fact]
    public void Units_AreTheSpecificationsList()
    {
        Assert.Equal(EmfLine.SpecificationUnits.Order(StringComparer.Ordinal), EmfUnits.All.Order(StringComparer.Ordinal));
    }
}
