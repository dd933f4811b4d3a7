using System.Text.Json.Nodes;
using Dq.Expectations.Results;

namespace Dq.Expectations.Suites;

/// <summary>
/// Reads an expectation's kwargs with their types checked, and turns every problem into a
/// <see cref="ConfigurationException"/> naming the suite, the expectation's index and type, and the kwarg.
/// </summary>
internal sealed class KwargReader
{
    /// <summary>Kwargs every expectation accepts besides its own (GX's common ones).</summary>
    private static readonly HashSet<string> s_common = ["result_format", "catch_exceptions", "include_config", "meta", "id", "notes", "description", "rendered_content"];

    private readonly JsonObject _kwargs;
    private readonly HashSet<string> _known = new(s_common, StringComparer.Ordinal);

    private readonly Parameters.SuiteParameters _parameters;

    public KwargReader(ExpectationConfiguration configuration, ExpectationLocation location, Parameters.SuiteParameters? parameters = null)
    {
        _kwargs = configuration.Kwargs;
        Location = location;
        _parameters = parameters ?? Parameters.SuiteParameters.None;
    }

    public ExpectationLocation Location { get; }

    public string RequiredString(string name)
    {
        var value = Scalar(name);
        return value switch
        {
            string s when s.Length > 0 => s,
            null => throw Error(name, _kwargs.ContainsKey(name) ? "is null" : $"is missing{Misspelt(name)}", "give it as a text value"),
            _ => throw Error(name, $"is {Describe(value)}", "give it as a non-empty text value"),
        };
    }

    public string? OptionalString(string name) => Scalar(name) switch
    {
        null => null,
        string s => s,
        var other => throw Error(name, $"is {Describe(other)}", "give it as a text value"),
    };

    public bool Boolean(string name, bool defaultValue) => Scalar(name) switch
    {
        null => defaultValue,
        bool b => b,
        var other => throw Error(name, $"is {Describe(other)}", "give true or false"),
    };

    /// <summary>A number (<see cref="long"/> or <see cref="double"/>), or null when absent.</summary>
    public object? OptionalNumber(string name) => Scalar(name) switch
    {
        null => null,
        long l => l,
        ulong u => (double)u,
        double d when !double.IsNaN(d) => d,
        var other => throw Error(name, $"is {Describe(other)}", "give a number"),
    };

    public long? OptionalInteger(string name) => Scalar(name) switch
    {
        null => null,
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        var other => throw Error(name, $"is {Describe(other)}", "give a whole number"),
    };

    /// <summary>A bound: a number, or text (a date or a string bound), or null for unbounded.</summary>
    public object? Bound(string name) => Scalar(name) switch
    {
        null => null,
        long l => l,
        ulong u => (double)u,
        DateTime d => d,
        double d when !double.IsNaN(d) => d,
        string s => s,
        var other => throw Error(name, $"is {Describe(other)}", "give a number, a date or text, or null for no bound"),
    };

    /// <summary>The <c>mostly</c> fraction: 1 when absent, otherwise a number in [0, 1].</summary>
    public double Mostly()
    {
        var value = OptionalNumber("mostly");
        var mostly = value switch { null => 1.0, long l => l, _ => (double)value };
        if (mostly is < 0 or > 1)
        {
            throw Error("mostly", $"is {mostly.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "give a fraction between 0 and 1, such as 0.95");
        }
        return mostly;
    }

    /// <summary>Any scalar (a number, text or boolean), or null when absent.</summary>
    public object? OptionalScalar(string name) => Scalar(name);

    /// <summary>A list of scalars, or null when the kwarg is absent or null.</summary>
    public IReadOnlyList<object?>? OptionalList(string name)
    {
        _known.Add(name);
        var node = _kwargs[name];
        if (node is null)
        {
            return null;
        }
        if (node is not JsonArray array)
        {
            throw Error(name, "is not a list", "give a JSON list of values, such as [\"a\", \"b\"]");
        }
        var values = new List<object?>(array.Count);
        foreach (var item in array)
        {
            if (!JsonScalars.TryGetScalar(item, out var value))
            {
                throw Error(name, "holds a list or object among its values", "give a flat list of numbers, text or booleans");
            }
            values.Add(value);
        }
        return values;
    }

    /// <summary>Whether the kwarg is present (possibly as null).</summary>
    public bool HasKwarg(string name) => _kwargs.ContainsKey(name);

    /// <summary>The raw node of a kwarg, for kwargs with their own syntax (result_format).</summary>
    public JsonNode? Node(string name)
    {
        _known.Add(name);
        return _kwargs[name];
    }

    /// <summary>Rejects kwargs the expectation does not know: a typo must not silently disable a check.</summary>
    public void RejectUnknown(params string[] notYetSupported)
    {
        foreach (var (name, _) in _kwargs)
        {
            if (notYetSupported.Contains(name))
            {
                throw Error(name, "is a GX 0.x kwarg that dq does not support (GX 1.x dropped it too)", "remove it, and give the column the type you want to compare as");
            }
            if (!_known.Contains(name))
            {
                var known = string.Join(", ", _known.Except(s_common).Order().Select(k => $"`{k}`"));
                throw new ConfigurationException($"{Location}: unknown kwarg `{name}`.{Spelling.DidYouMean(name, _known)} This expectation takes {known} (plus result_format, catch_exceptions, meta).");
            }
        }
    }

    /// <summary>" (`colum` is given: did you mean it?)" when a kwarg the expectation does not know is a near miss of <paramref name="name"/>.</summary>
    private string Misspelt(string name) =>
        _kwargs.Select(k => k.Key).Where(k => !_known.Contains(k) && Spelling.DidYouMean(k, [name]).Length > 0).FirstOrDefault() is { } near
            ? $" (`{near}` is given: is it a misspelling of `{name}`?)"
            : "";

    public ConfigurationException Error(string kwarg, string problem, string fix) =>
        new($"{Location}: kwarg `{kwarg}` {problem}; {fix}.");

    private object? Scalar(string name)
    {
        _known.Add(name);
        var node = _kwargs[name];
        if (node is JsonObject reference && reference.Count == 1 && reference["$PARAMETER"] is JsonValue expression
            && expression.TryGetValue<string>(out var text))
        {
            // A suite parameter: resolved now, from the run's parameters or GX's expression language.
            try
            {
                return _parameters.Resolve(text) switch
                {
                    double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
                    var resolved => resolved,
                };
            }
            catch (ConfigurationException e)
            {
                throw Error(name, $"refers to a suite parameter that cannot be resolved: {e.Message}", "pass the parameter to the run, or fix the expression");
            }
        }
        if (!JsonScalars.TryGetScalar(node, out var value))
        {
            throw Error(name, "is a list or object", "give a single value");
        }
        return value;
    }

    private static string Describe(object? value) => value switch
    {
        string => $"the text {ValueText.Format(value)}",
        bool or null => ValueText.Format(value),
        _ => $"the number {ValueText.Format(value)}",
    };
}
