using Dq.Expectations.Metrics;

namespace Dq.Expectations.Planning;

/// <summary>
/// An expectation's request for a metric, with how many unexpected rows it wants to see (0: only counts;
/// int.MaxValue: all). Equal keys are computed once, with the largest sample any request asked for.
/// </summary>
internal readonly record struct MetricRequest(MetricKey Key, int SampleLimit = 0);
