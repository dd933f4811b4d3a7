namespace Dq.Expectations.Suites.Parameters;

/// <summary>
/// The values that <c>{"$PARAMETER": "..."}</c> kwargs refer to: named run parameters, plus the expressions GX
/// suites use (<c>now()</c>, <c>datetime(2003, 1, 1)</c>, <c>now() - timedelta(weeks=52)</c>).
/// </summary>
public sealed class SuiteParameters
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    /// <summary>Creates the parameters of a run.</summary>
    /// <param name="values">Named values (numbers, text, booleans, dates), as given on the command line or in code.</param>
    /// <param name="now">The instant <c>now()</c> stands for (UTC, without zone); the current time when null.</param>
    public SuiteParameters(IReadOnlyDictionary<string, object?>? values = null, DateTime? now = null)
    {
        _values = values ?? new Dictionary<string, object?>();
        Now = now ?? DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
    }

    /// <summary>No named parameters; <c>now()</c> is the current time.</summary>
    public static SuiteParameters None { get; } = new();

    /// <summary>What <c>now()</c> evaluates to.</summary>
    public DateTime Now { get; }

    /// <summary>The named values.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>Evaluates a parameter reference: a name, or an expression of GX's suite-parameter language.</summary>
    /// <exception cref="ConfigurationException">The name is unknown or the expression does not parse.</exception>
    public object? Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_values.TryGetValue(reference.Trim(), out var value))
        {
            // Values given in code come in any numeric type; kwargs compare longs and doubles.
            return value switch
            {
                int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
                float or decimal => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        return ParameterExpression.Evaluate(reference, this);
    }
}
