namespace Dq.Reporting.CloudWatch;

/// <summary>
/// The units CloudWatch accepts in an EMF metric definition (the EMF specification's list, as in the
/// awslabs/aws-embedded-metrics-dotnet <c>Model/Unit.cs</c>). A unit outside the list makes CloudWatch drop the metric.
/// </summary>
internal static class EmfUnits
{
    public const string None = "None";
    public const string Seconds = "Seconds";
    public const string Percent = "Percent";
    public const string Count = "Count";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "None", "Seconds", "Microseconds", "Milliseconds",
        "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits",
        "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
        "Count/Second",
    };
}
