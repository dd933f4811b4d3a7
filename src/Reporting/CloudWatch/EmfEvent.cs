namespace Dq.Reporting.CloudWatch;

/// <summary>A metric of an EMF event: its name, its unit (one of <see cref="EmfUnits.All"/>) and its values.</summary>
internal sealed record EmfMetric(string Name, string Unit, IReadOnlyList<double> Values)
{
    public EmfMetric(string name, string unit, double value)
        : this(name, unit, [value])
    {
    }
}

/// <summary>
/// Metrics that share one set of dimension values. EMF puts dimension values at the root of the event, so metrics with
/// different values (two columns, say) can never share an event: each such set is an event of its own.
/// </summary>
/// <param name="Dimensions">Dimension names and values, in order; the event's one dimension set.</param>
/// <param name="Metrics">The metrics, each name once.</param>
internal sealed record EmfEvent(IReadOnlyList<KeyValuePair<string, string>> Dimensions, IReadOnlyList<EmfMetric> Metrics);
