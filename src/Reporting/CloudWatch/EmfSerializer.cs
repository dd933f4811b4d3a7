using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dq.Reporting.CloudWatch;

/// <summary>
/// Writes <see cref="EmfEvent"/>s as CloudWatch Embedded Metric Format lines within the specification's limits
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html;
/// the numbers as in the awslabs/aws-embedded-metrics libraries' Constants files).
/// </summary>
/// <remarks>
/// An event with more than <see cref="MaxMetricsPerDirective"/> metrics, or a metric with more than
/// <see cref="MaxValuesPerMetric"/> values, becomes several lines with the same dimensions and timestamp, as the awslabs
/// serializers split them. Values that are not finite are dropped (CloudWatch rejects them), and a metric left
/// without values is left out. Dimension values come from user data and are made valid (<see cref="DimensionValue"/>);
/// names, units and the namespace are dq's own or checked beforehand, so a bad one is a bug and throws.
/// </remarks>
internal static partial class EmfSerializer
{
    public const int MaxMetricsPerDirective = 100;
    public const int MaxValuesPerMetric = 100;
    public const int MaxDimensionKeys = 30;
    public const int MaxDimensionNameLength = 250;
    public const int MaxDimensionValueLength = 1024;
    public const int MaxMetricNameLength = 1024;
    public const int MaxNamespaceLength = 256;

    /// <summary>Whether <paramref name="value"/> is a valid CloudWatch namespace: 1 to 256 of <c>a-zA-Z0-9._#:/-</c>.</summary>
    public static bool IsValidNamespace(string? value) =>
        value is { Length: > 0 and <= MaxNamespaceLength } && NamespacePattern().IsMatch(value);

    /// <summary>The event as one or more JSON lines (without line ends); none when no metric has a finite value.</summary>
    public static List<string> Lines(string metricNamespace, DateTimeOffset timestamp, EmfEvent emfEvent)
    {
        if (!IsValidNamespace(metricNamespace))
        {
            throw new ArgumentException($"`{metricNamespace}` is not a valid CloudWatch namespace.", nameof(metricNamespace));
        }
        CheckDimensionNames(emfEvent.Dimensions);
        if (emfEvent.Metrics.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The metric `{twice.Key}` appears twice in one EMF event; give it one list of values.", nameof(emfEvent));
        }
        var dimensions = emfEvent.Dimensions.Select(d => KeyValuePair.Create(d.Key, DimensionValue(d.Value))).ToList();
        var pending = emfEvent.Metrics
            .Select(m => (Metric: Checked(m), Values: m.Values.Where(double.IsFinite).ToList()))
            .Where(m => m.Values.Count > 0)
            .Select(m => (m.Metric, Chunks: new Queue<double[]>(m.Values.Chunk(MaxValuesPerMetric))))
            .ToList();
        // Each round takes every metric's next chunk of values, so a name appears at most once per line.
        var lines = new List<string>();
        while (pending.Count > 0)
        {
            var round = pending.Select(p => (p.Metric, Values: p.Chunks.Dequeue())).ToList();
            pending.RemoveAll(p => p.Chunks.Count == 0);
            lines.AddRange(round.Chunk(MaxMetricsPerDirective).Select(line => Line(metricNamespace, timestamp, dimensions, line)));
        }
        return lines;
    }

    /// <summary>
    /// A dimension value CloudWatch accepts: characters outside printable ASCII become <c>%XX</c> escapes of their UTF-8
    /// bytes (as in URLs), a blank value becomes <c>-</c>, and a value longer than 1024 characters is cut to 1024.
    /// </summary>
    public static string DimensionValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "-";
        }
        var text = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is >= 0x20 and < 0x7F)
            {
                if (text.Length + 1 > MaxDimensionValueLength)
                {
                    break;
                }
                text.Append((char)rune.Value);
                continue;
            }
            var count = rune.EncodeToUtf8(bytes);
            if (text.Length + (3 * count) > MaxDimensionValueLength)
            {
                break;
            }
            foreach (var b in bytes[..count])
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }

    private static string Line(string metricNamespace, DateTimeOffset timestamp, List<KeyValuePair<string, string>> dimensions, (EmfMetric Metric, double[] Values)[] metrics)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("_aws");
            w.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            w.WriteStartArray("CloudWatchMetrics");
            w.WriteStartObject();
            w.WriteString("Namespace", metricNamespace);
            w.WriteStartArray("Dimensions");
            w.WriteStartArray();
            foreach (var (name, _) in dimensions)
            {
                w.WriteStringValue(name);
            }
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteStartArray("Metrics");
            foreach (var (metric, _) in metrics)
            {
                w.WriteStartObject();
                w.WriteString("Name", metric.Name);
                w.WriteString("Unit", metric.Unit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            foreach (var (name, value) in dimensions)
            {
                w.WriteString(name, value);
            }
            foreach (var (metric, values) in metrics)
            {
                if (values.Length == 1)
                {
                    w.WriteNumber(metric.Name, values[0]);
                    continue;
                }
                w.WriteStartArray(metric.Name);
                foreach (var value in values)
                {
                    w.WriteNumberValue(value);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void CheckDimensionNames(IReadOnlyList<KeyValuePair<string, string>> dimensions)
    {
        if (dimensions.Count > MaxDimensionKeys)
        {
            throw new ArgumentException($"An EMF dimension set holds at most {MaxDimensionKeys} dimensions, not {dimensions.Count}.", nameof(dimensions));
        }
        foreach (var (name, _) in dimensions)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxDimensionNameLength || name[0] == ':' || !Ascii.IsValid(name) || name == "_aws")
            {
                throw new ArgumentException($"`{name}` is not a valid EMF dimension name.", nameof(dimensions));
            }
        }
    }

    private static EmfMetric Checked(EmfMetric metric)
    {
        if (string.IsNullOrWhiteSpace(metric.Name) || metric.Name.Length > MaxMetricNameLength || metric.Name == "_aws")
        {
            throw new ArgumentException($"`{metric.Name}` is not a valid EMF metric name.", nameof(metric));
        }
        if (!EmfUnits.All.Contains(metric.Unit))
        {
            throw new ArgumentException($"`{metric.Unit}` is not a CloudWatch unit (metric `{metric.Name}`).", nameof(metric));
        }
        return metric;
    }

    [GeneratedRegex("^[a-zA-Z0-9._#:/-]+$")]
    private static partial Regex NamespacePattern();
}
