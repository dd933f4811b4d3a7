namespace Dq.Expectations.Anomalies;

/// <summary>
/// What the two change strategies share: the accepted change <c>[max_rate_decrease, max_rate_increase]</c> (either may
/// be open, not both), the order, and Deequ's search, which measures each point's change against the points
/// <c>order</c> steps before it, so the first <c>order</c> points of a series can never be flagged.
/// </summary>
internal static class ChangeLimits
{
    /// <exception cref="ArgumentException">Both limits are open, the decrease exceeds the increase, a limit is NaN, or the order is below <paramref name="minimumOrder"/>.</exception>
    public static void Validate(double? maxRateDecrease, double? maxRateIncrease, int order, int minimumOrder)
    {
        if (maxRateDecrease is null && maxRateIncrease is null)
        {
            throw new ArgumentException("Give max_rate_decrease, max_rate_increase or both: with neither, nothing is ever anomalous.");
        }
        if (maxRateDecrease is double.NaN || maxRateIncrease is double.NaN)
        {
            throw new ArgumentException("The rate limits must be numbers, not NaN.");
        }
        if (maxRateDecrease > maxRateIncrease)
        {
            throw new ArgumentException($"max_rate_decrease ({maxRateDecrease}) is greater than max_rate_increase ({maxRateIncrease}); swap them.");
        }
        if (order < minimumOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"The order must be at least {minimumOrder}.");
        }
    }

    /// <summary>Whether a change lies outside the limits (an open limit never flags; NaN never flags, as in Deequ).</summary>
    public static bool IsOutside(double change, double? maxRateDecrease, double? maxRateIncrease) =>
        change < maxRateDecrease || change > maxRateIncrease;

    /// <summary>
    /// Deequ's search: the changes of <c>series[max(start − order, 0) .. end)</c>, change <c>j</c> belonging to the point
    /// <c>j + order</c> places later, and the points whose change lies outside the limits.
    /// </summary>
    /// <remarks>
    /// <paramref name="changes"/> turns a slice of the series into its changes, one fewer per order than the slice
    /// has points; <paramref name="detail"/> words a flagged change.
    /// </remarks>
    public static List<Anomaly> Search(
        IReadOnlyList<double> series, int start, int end, int order, Func<double[], double[]> changes, Func<double, string> detail,
        double? maxRateDecrease, double? maxRateIncrease)
    {
        var from = Math.Max(start - order, 0);
        var to = Math.Min(end, series.Count);
        var anomalies = new List<Anomaly>();
        if (to <= from)
        {
            return anomalies;
        }
        var slice = new double[to - from];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = series[from + i];
        }
        var measured = changes(slice);
        for (var j = 0; j < measured.Length; j++)
        {
            if (IsOutside(measured[j], maxRateDecrease, maxRateIncrease))
            {
                var index = j + from + order;
                anomalies.Add(new Anomaly(index, series[index], detail(measured[j])));
            }
        }
        return anomalies;
    }

    /// <summary>A limit as text for details: the number, or ∓∞ when open.</summary>
    public static string Text(double? limit, bool lower) =>
        limit is { } l ? l.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : lower ? "-Infinity" : "Infinity";
}
