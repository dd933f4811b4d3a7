using System.Text.Json;

namespace Dq.Reporting.Tests.CloudWatch;

/// <summary>
/// One EMF line read back with System.Text.Json and checked against the specification's structure: the <c>_aws</c>
/// member with a millisecond timestamp and one directive, whose dimension set and metric names all name root members
/// (dimension values as strings, metric values as numbers or arrays of numbers).
/// </summary>
internal sealed record EmfLine(long Timestamp, string Namespace, IReadOnlyList<string> Dimensions, IReadOnlyList<(string Name, string Unit)> Metrics, JsonElement Root)
{
    /// <summary>The units the EMF specification lists (CloudWatch_Embedded_Metric_Format_Specification, "MetricDefinition").</summary>
    public static readonly string[] SpecificationUnits =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
        "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None",
    ];

    public static EmfLine Parse(string line)
    {
        Assert.DoesNotContain('\n', line);
        var root = JsonDocument.Parse(line).RootElement.Clone();
        var aws = root.GetProperty("_aws");
        var directives = aws.GetProperty("CloudWatchMetrics");
        Assert.Equal(1, directives.GetArrayLength());
        var directive = directives[0];
        var sets = directive.GetProperty("Dimensions");
        Assert.Equal(1, sets.GetArrayLength());
        var dimensions = sets[0].EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.InRange(dimensions.Count, 1, 30);
        foreach (var dimension in dimensions)
        {
            Assert.Equal(JsonValueKind.String, root.GetProperty(dimension).ValueKind);
            var value = root.GetProperty(dimension).GetString()!;
            Assert.InRange(value.Length, 1, 1024);
            Assert.True(value.All(c => c is >= ' ' and <= '~'), $"dimension value `{value}` is not printable ASCII");
        }
        var metrics = directive.GetProperty("Metrics").EnumerateArray()
            .Select(m => (m.GetProperty("Name").GetString()!, m.GetProperty("Unit").GetString()!)).ToList();
        Assert.InRange(metrics.Count, 1, 100);
        Assert.Equal(metrics.Count, metrics.Select(m => m.Item1).Distinct().Count());
        foreach (var (name, unit) in metrics)
        {
            Assert.Contains(unit, SpecificationUnits);
            var value = root.GetProperty(name);
            var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            Assert.InRange(values.Count, 1, 100);
            Assert.All(values, v => Assert.Equal(JsonValueKind.Number, v.ValueKind));
        }
        return new EmfLine(aws.GetProperty("Timestamp").GetInt64(), directive.GetProperty("Namespace").GetString()!, dimensions, metrics, root);
    }

    public string Dimension(string name) => Root.GetProperty(name).GetString()!;

    public double Value(string metric) => Root.GetProperty(metric).GetDouble();

    public IReadOnlyList<double> Values(string metric)
    {
        var value = Root.GetProperty(metric);
        return value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetDouble())] : [value.GetDouble()];
    }
}
