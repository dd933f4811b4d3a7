namespace Dq.Expectations.Anomalies;

/// <summary>
/// Deequ's <c>RelativeRateOfChangeStrategy</c>: a point is anomalous when its ratio to the value <c>order</c> steps
/// before it, <c>x[i] / x[i − order]</c>, lies outside <c>[max_rate_decrease, max_rate_increase]</c>; 0.9 and 1.1
/// accept changes of up to 10 % either way. Unlike the absolute change the ratio is not taken recursively.
/// </summary>
/// <remarks>
/// Division follows IEEE arithmetic, as in Deequ: after a 0, any positive value has ratio +∞ (anomalous when an
/// increase limit is set), any negative value −∞, and 0 itself NaN, which is never anomalous.
/// </remarks>
public sealed class RelativeRateOfChangeStrategy : AnomalyStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxRateDecrease">The smallest accepted ratio (such as 0.9); null for no limit.</param>
    /// <param name="maxRateIncrease">The largest accepted ratio (such as 1.1); null for no limit.</param>
    /// <param name="order">How many steps back the compared value lies; 1 or more.</param>
    /// <exception cref="ArgumentException">Both limits are null, the decrease exceeds the increase, or the order is below 1.</exception>
    public RelativeRateOfChangeStrategy(double? maxRateDecrease, double? maxRateIncrease, int order = 1)
    {
        ChangeLimits.Validate(maxRateDecrease, maxRateIncrease, order, minimumOrder: 1);
        MaxRateDecrease = maxRateDecrease;
        MaxRateIncrease = maxRateIncrease;
        Order = order;
    }

    /// <summary>The smallest accepted ratio, or null for none.</summary>
    public double? MaxRateDecrease { get; }

    /// <summary>The largest accepted ratio, or null for none.</summary>
    public double? MaxRateIncrease { get; }

    /// <summary>How many steps back the compared value lies.</summary>
    public int Order { get; }

    /// <inheritdoc/>
    public override string Name => "relative_rate_of_change";

    /// <inheritdoc/>
    public override int MinimumHistory => Order;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> Parameters => new Dictionary<string, object?>
    {
        ["max_rate_decrease"] = MaxRateDecrease,
        ["max_rate_increase"] = MaxRateIncrease,
        ["order"] = (long)Order,
    };

    /// <summary>The ratios <c>x[i + order] / x[i]</c> of <paramref name="values"/>: <paramref name="order"/> values shorter than the input.</summary>
    public static double[] Ratios(ReadOnlySpan<double> values, int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        var ratios = new double[Math.Max(values.Length - order, 0)];
        for (var i = 0; i < ratios.Length; i++)
        {
            ratios[i] = values[i + order] / values[i];
        }
        return ratios;
    }

    private protected override IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end) =>
        ChangeLimits.Search(series, start, end, Order, slice => Ratios(slice, Order), Detail, MaxRateDecrease, MaxRateIncrease);

    private protected override AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value)
    {
        var baseline = history[history.Count - Order];
        var ratio = value / baseline;
        var anomalous = ChangeLimits.IsOutside(ratio, MaxRateDecrease, MaxRateIncrease);
        var (lower, upper) = baseline switch
        {
            // After a 0 only 0 itself is safe from a set limit (0/0 is NaN); an open limit lets that whole side through.
            0 => (MaxRateDecrease is null ? double.NegativeInfinity : 0, MaxRateIncrease is null ? double.PositiveInfinity : 0),
            > 0 => (MaxRateDecrease is { } d ? d * baseline : double.NegativeInfinity, MaxRateIncrease is { } i ? i * baseline : double.PositiveInfinity),
            // A negative baseline turns the ratio's limits around.
            _ => (MaxRateIncrease is { } i ? i * baseline : double.NegativeInfinity, MaxRateDecrease is { } d ? d * baseline : double.PositiveInfinity),
        };
        return new AnomalyCheckResult(lower, upper, anomalous);
    }

    private string Detail(double ratio) =>
        $"[RelativeRateOfChangeStrategy]: Change of {Text(ratio)} is not in bounds [{ChangeLimits.Text(MaxRateDecrease, true)}, {ChangeLimits.Text(MaxRateIncrease, false)}]. Order={Order}";
}
