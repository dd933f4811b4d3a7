namespace Dq.Expectations.Catalog.Descriptions;

/// <summary>Phrases that several expectation types share, so each is worded once.</summary>
internal static class Phrases
{
    /// <summary>
    /// The bounds phrase of <c>min_value</c>/<c>max_value</c> with <c>strict_min</c>/<c>strict_max</c>:
    /// <c>between {min_value} and {max_value}</c>, <c>at least {min_value}</c>, <c>less than {max_value}</c>…
    /// </summary>
    public static string Range(Wording k)
    {
        var hasMin = k.Has("min_value");
        var hasMax = k.Has("max_value");
        var strictMin = k.Flag("strict_min");
        var strictMax = k.Flag("strict_max");
        var low = strictMin ? "more than {min_value}" : "at least {min_value}";
        var high = strictMax ? "less than {max_value}" : "at most {max_value}";
        return (hasMin, hasMax) switch
        {
            (true, true) when !strictMin && !strictMax => "between {min_value} and {max_value}",
            (true, true) => $"{low} and {high}",
            (true, false) => low,
            (false, true) => high,
            _ => "of any size",
        };
    }

    /// <summary>"strictly " when the <c>strictly</c> kwarg is set, for the order checks.</summary>
    public static string Strictly(Wording k) => k.Flag("strictly") ? "strictly " : "";
}
