namespace Dq.Expectations.Anomalies;

/// <summary>
/// The limits of the two normal strategies: a value is anomalous below <c>mean − lower·σ</c> or above
/// <c>mean + upper·σ</c>; a null factor leaves that side open.
/// </summary>
internal static class DeviationFactors
{
    /// <exception cref="ArgumentException">Both factors are null, or one is negative or NaN.</exception>
    public static void Validate(double? lower, double? upper)
    {
        if (lower is null && upper is null)
        {
            throw new ArgumentException("Give lower_deviation_factor, upper_deviation_factor or both: with neither, nothing is ever anomalous.");
        }
        if (lower is < 0 or double.NaN || upper is < 0 or double.NaN)
        {
            throw new ArgumentException("The deviation factors must be 0 or more.");
        }
    }

    /// <summary>The accepted range around <paramref name="mean"/>.</summary>
    public static (double Lower, double Upper) Range(double mean, double deviation, double? lower, double? upper) =>
        (lower is { } l ? mean - (l * deviation) : double.NegativeInfinity, upper is { } u ? mean + (u * deviation) : double.PositiveInfinity);

    public static string Detail(string strategy, double value, (double Lower, double Upper) range) =>
        FormattableString.Invariant($"[{strategy}]: Value {value:R} is not in bounds [{range.Lower:R}, {range.Upper:R}].");

    public static IReadOnlyDictionary<string, object?> Parameters(double? lower, double? upper) => new Dictionary<string, object?>
    {
        ["lower_deviation_factor"] = lower,
        ["upper_deviation_factor"] = upper,
    };
}
