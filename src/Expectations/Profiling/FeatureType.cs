namespace Dq.Expectations.Profiling;

/// <summary>A column's type as Deequ's profiler and SageMaker Model Monitor name it.</summary>
public enum FeatureType
{
    /// <summary>No non-null value to tell (SageMaker's <c>Unknown</c>).</summary>
    Unknown,

    /// <summary>Whole numbers: integer columns, or text that is all <c>[sign] digits</c>.</summary>
    Integral,

    /// <summary>Real numbers: floating-point and decimal columns, or numeric text with a fraction or an exponent.</summary>
    Fractional,

    /// <summary>Booleans: boolean columns, or text that is all <c>true</c>/<c>false</c>. SageMaker's files call it String.</summary>
    Boolean,

    /// <summary>Anything else: text, dates, timestamps, binary.</summary>
    String,
}

/// <summary>How many non-null values of a text column look like each type, by Deequ's rules.</summary>
/// <param name="Integral">Values matching <c>^(-|\+)? ?\d+$</c>.</param>
/// <param name="Fractional">Values matching <c>^(-|\+)? ?\d+((\.\d+)|((?:\.\d+)?[Ee][-+]?\d+))$</c>.</param>
/// <param name="Boolean">Values that are <c>true</c> or <c>false</c> (case-sensitive).</param>
/// <param name="String">Every other value.</param>
public readonly record struct TypeCounts(long Integral, long Fractional, long Boolean, long String)
{
    /// <summary>The counts of both profiles together.</summary>
    public static TypeCounts operator +(TypeCounts a, TypeCounts b) =>
        new(a.Integral + b.Integral, a.Fractional + b.Fractional, a.Boolean + b.Boolean, a.String + b.String);

    /// <summary>
    /// Deequ's decision for the column: no values gives Unknown; any plain text, or booleans mixed with numbers, gives
    /// String; then Boolean; then Fractional if any value has a fraction; else Integral.
    /// </summary>
    public FeatureType Decide()
    {
        if (Integral + Fractional + Boolean + String == 0)
        {
            return FeatureType.Unknown;
        }
        if (String > 0 || (Boolean > 0 && Integral + Fractional > 0))
        {
            return FeatureType.String;
        }
        if (Boolean > 0)
        {
            return FeatureType.Boolean;
        }
        return Fractional > 0 ? FeatureType.Fractional : FeatureType.Integral;
    }

    /// <summary>How many values are of <paramref name="type"/> (Integral values count as Fractional too, since they are real numbers).</summary>
    public long Matching(FeatureType type) => type switch
    {
        FeatureType.Integral => Integral,
        FeatureType.Fractional => Integral + Fractional,
        FeatureType.Boolean => Boolean,
        FeatureType.String => Integral + Fractional + Boolean + String,
        _ => 0,
    };
}
