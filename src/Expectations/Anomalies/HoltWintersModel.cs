namespace Dq.Expectations.Anomalies;

/// <summary>
/// Additive Holt-Winters, ETS(A, A) in Hyndman and Athanasopoulos' <i>Forecasting: Principles and Practice</i>
/// (§7.3 of the 2nd edition), with Deequ's initial state: the level is the mean of the first period, the trend the
/// difference of the first two periods' sums over period², and the seasonal terms the first period minus that level.
/// </summary>
internal static class HoltWintersModel
{
    /// <summary>The one-step residuals over <paramref name="series"/> and the next <paramref name="horizon"/> forecasts.</summary>
    /// <param name="series">At least two periods of values.</param>
    /// <param name="period">The season's length.</param>
    /// <param name="horizon">How many values to forecast past the series.</param>
    /// <param name="alpha">The level's smoothing, in [0, 1].</param>
    /// <param name="beta">The trend's smoothing, in [0, 1].</param>
    /// <param name="gamma">The season's smoothing, in [0, 1].</param>
    public static (double[] Residuals, double[] Forecasts) Run(IReadOnlyList<double> series, int period, int horizon, double alpha, double beta, double gamma)
    {
        var n = series.Count;
        var total = n + horizon;
        var level = new double[total + 1];
        var trend = new double[total + 1];
        var season = new double[total + period];
        double first = 0, second = 0;
        for (var i = 0; i < period; i++)
        {
            first += series[i];
            second += series[period + i];
        }
        level[0] = first / period;
        trend[0] = (second - first) / ((double)period * period);
        for (var i = 0; i < period; i++)
        {
            season[i] = series[i] - level[0];
        }
        var residuals = new double[n];
        var forecasts = new double[horizon];
        for (var t = 0; t < total; t++)
        {
            // The forecast of point t from the state before it: level and trend after t − 1, the season one period back.
            var forecast = level[t] + trend[t] + season[t];
            double observed;
            if (t < n)
            {
                observed = series[t];
                residuals[t] = observed - forecast;
            }
            else
            {
                // Past the series the forecast stands in for the observation, which leaves level, trend and season as
                // they are: the usual h-step forecast ℓ + h·b + s.
                observed = forecast;
                forecasts[t - n] = forecast;
            }
            level[t + 1] = (alpha * (observed - season[t])) + ((1 - alpha) * (level[t] + trend[t]));
            trend[t + 1] = (beta * (level[t + 1] - level[t])) + ((1 - beta) * trend[t]);
            season[t + period] = (gamma * (observed - level[t] - trend[t])) + ((1 - gamma) * season[t]);
        }
        return (residuals, forecasts);
    }

    /// <summary>The residual sum of squares of the one-step forecasts, the quantity the smoothing parameters minimise.</summary>
    public static double ResidualSumOfSquares(IReadOnlyList<double> series, int period, double alpha, double beta, double gamma)
    {
        var (residuals, _) = Run(series, period, 0, alpha, beta, gamma);
        var sum = 0.0;
        foreach (var r in residuals)
        {
            sum += r * r;
        }
        return sum;
    }
}
