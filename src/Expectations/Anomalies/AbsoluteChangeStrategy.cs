namespace Dq.Expectations.Anomalies;

/// <summary>
/// Deequ's <c>AbsoluteChangeStrategy</c>: a point is anomalous when its <c>order</c>-th difference (the difference of
/// consecutive values, taken <c>order</c> times) lies outside <c>[max_rate_decrease, max_rate_increase]</c>. Order 1
/// compares each value with the one before; order 0 compares the values themselves, like a threshold.
/// </summary>
/// <remarks>Deequ's deprecated <c>RateOfChangeStrategy</c> is this strategy under another name.</remarks>
public sealed class AbsoluteChangeStrategy : AnomalyStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxRateDecrease">The most negative accepted change (such as −10); null for no limit.</param>
    /// <param name="maxRateIncrease">The largest accepted change; null for no limit.</param>
    /// <param name="order">How many times the difference is taken; 0 or more (Deequ's default is 1).</param>
    /// <exception cref="ArgumentException">Both limits are null, the decrease exceeds the increase, or the order is negative.</exception>
    public AbsoluteChangeStrategy(double? maxRateDecrease, double? maxRateIncrease, int order = 1)
    {
        ChangeLimits.Validate(maxRateDecrease, maxRateIncrease, order, minimumOrder: 0);
        MaxRateDecrease = maxRateDecrease;
        MaxRateIncrease = maxRateIncrease;
        Order = order;
    }

    /// <summary>The most negative accepted change, or null for none.</summary>
    public double? MaxRateDecrease { get; }

    /// <summary>The largest accepted change, or null for none.</summary>
    public double? MaxRateIncrease { get; }

    /// <summary>The order of the difference.</summary>
    public int Order { get; }

    /// <inheritdoc/>
    public override string Name => "absolute_change";

    /// <inheritdoc/>
    public override int MinimumHistory => Order;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> Parameters => new Dictionary<string, object?>
    {
        ["max_rate_decrease"] = MaxRateDecrease,
        ["max_rate_increase"] = MaxRateIncrease,
        ["order"] = (long)Order,
    };

    /// <summary>
    /// The <paramref name="order"/>-th difference of <paramref name="values"/>, taken recursively as Deequ does:
    /// <c>d[i] = x[i + 1] − x[i]</c>, repeated. The result is <paramref name="order"/> values shorter (empty when the
    /// input is not longer than the order).
    /// </summary>
    public static double[] Difference(ReadOnlySpan<double> values, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var current = values.ToArray();
        for (var step = 0; step < order && current.Length > 0; step++)
        {
            var next = new double[current.Length - 1];
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = current[i + 1] - current[i];
            }
            current = next;
        }
        return current;
    }

    private protected override IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end) =>
        ChangeLimits.Search(series, start, end, Order, slice => Difference(slice, Order), Detail, MaxRateDecrease, MaxRateIncrease);

    private protected override AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value)
    {
        // The difference is linear in the new value with coefficient 1: Δᵏ(value) = value + Δᵏ(0), so the accepted
        // values are the accepted changes shifted by −Δᵏ(0).
        var change = LastDifference(history, value);
        var offset = LastDifference(history, 0);
        return new AnomalyCheckResult(
            MaxRateDecrease is { } low ? low - offset : double.NegativeInfinity,
            MaxRateIncrease is { } high ? high - offset : double.PositiveInfinity,
            ChangeLimits.IsOutside(change, MaxRateDecrease, MaxRateIncrease));
    }

    private double LastDifference(IReadOnlyList<double> history, double value)
    {
        var tail = new double[Order + 1];
        for (var i = 0; i < Order; i++)
        {
            tail[i] = history[history.Count - Order + i];
        }
        tail[Order] = value;
        return Difference(tail, Order)[0];
    }

    private string Detail(double change) =>
        $"[AbsoluteChangeStrategy]: Change of {Text(change)} is not in bounds [{ChangeLimits.Text(MaxRateDecrease, true)}, {ChangeLimits.Text(MaxRateIncrease, false)}]. Order={Order}";
}
