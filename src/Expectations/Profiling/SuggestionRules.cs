namespace Dq.Expectations.Profiling;

/// <summary>Which of Deequ's suggestion rules to apply.</summary>
public enum SuggestionRules
{
    /// <summary>Deequ's DEFAULT: CompleteIfComplete, RetainCompleteness, RetainType, CategoricalRange, FractionalCategoricalRange, NonNegativeNumbers.</summary>
    Default,

    /// <summary>DEFAULT plus UniqueIfApproximatelyUnique and the observed minimum, maximum and text lengths.</summary>
    Extended,
}

/// <summary>The 95% confidence bounds Deequ's rules use, floored to two decimals as Deequ floors them.</summary>
public static class ConfidenceBounds
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The Wald lower bound <c>p − z·√(p(1−p)/n)</c>, floored to 2 decimals and never below 0 (Deequ's default).</summary>
    public static double WaldLower(double p, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return FloorTo2(Math.Max(0, p - (Z95 * Math.Sqrt(p * (1 - p) / n))));
    }

    /// <summary>The Wald upper bound, rounded up to 2 decimals and never above 1.</summary>
    public static double WaldUpper(double p, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return Math.Min(1, Math.Ceiling(((p + (Z95 * Math.Sqrt(p * (1 - p) / n))) * 100) - 1e-9) / 100);
    }

    /// <summary>
    /// Floors to two decimals. A small tolerance keeps values that are two-decimal numbers up to rounding (0.29 computed
    /// as 0.28999999999999998) from dropping a hundredth.
    /// </summary>
    internal static double FloorTo2(double value) => Math.Floor((value * 100) + 1e-9) / 100;
}
