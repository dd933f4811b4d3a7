namespace Dq.Expectations.Tests.Anomalies;

/// <summary>Compares doubles within an absolute tolerance, for vectors published with rounded decimals.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
