namespace Dq.Expectations.Kernels;

/// <summary>
/// A metric cannot be computed on this column (wrong type, bounds of another type). Raised while planning,
/// before any scan, and recorded as the metric's failure, which the expectation reports as a failed result with
/// exception info: never a crash of the run.
/// </summary>
internal sealed class MetricPreconditionException : Exception
{
    public MetricPreconditionException(string message) : base(message) { }

    public MetricPreconditionException() { }

    public MetricPreconditionException(string message, Exception innerException) : base(message, innerException) { }
}
