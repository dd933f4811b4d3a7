using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;

namespace Dq.Expectations.Suites;

/// <summary>
/// Builds a suite in code, one GX-named method per expectation type:
/// <c>ExpectationSuite.Create("orders").ExpectColumnValuesToNotBeNull("order_id").Build()</c>.
/// </summary>
/// <remarks>
/// Each method records the GX kwargs, and <see cref="Build"/> creates the expectations through the same catalogue
/// that reads suite files, so a suite built here behaves, validates and serializes exactly like one read from
/// JSON. Modifiers such as <see cref="AsWarning"/> apply to the expectation added last.
/// </remarks>
public sealed partial class SuiteBuilder
{
    private readonly string _name;
    private readonly List<(string Type, JsonObject Kwargs, JsonObject Meta)> _entries = [];
    private readonly JsonObject _meta = [];

    /// <summary>Starts a suite called <paramref name="name"/>.</summary>
    public SuiteBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    /// <summary>Adds an expectation by GX type name and kwargs, for types without a method here.</summary>
    /// <param name="type">The GX type, such as <c>expect_column_values_to_be_between</c>.</param>
    /// <param name="kwargs">Kwarg names to values: numbers, text, booleans, dates, lists of them, or JSON nodes.</param>
    public SuiteBuilder Expect(string type, IReadOnlyDictionary<string, object?> kwargs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(kwargs);
        var json = new JsonObject();
        foreach (var (name, value) in kwargs)
        {
            json[name] = JsonScalars.ToNode(value);
        }
        _entries.Add((type, json, []));
        return this;
    }

    /// <summary>Marks the expectation added last as a warning: its failure is reported but does not fail validation.</summary>
    /// <exception cref="InvalidOperationException">No expectation was added yet.</exception>
    public SuiteBuilder AsWarning() => WithMeta("severity", "warn");

    /// <summary>Sets the result format of the expectation added last, overriding the run's.</summary>
    public SuiteBuilder WithResultFormat(ResultFormatLevel level)
    {
        Last().Kwargs["result_format"] = new ResultFormat(level).LevelName;
        return this;
    }

    /// <summary>
    /// Applies the expectation added last only to the rows where <paramref name="condition"/> holds (GX's
    /// <c>row_condition</c> in the pandas syntax, such as <c>status == "active" and amount &gt; 0</c>).
    /// </summary>
    public SuiteBuilder WithRowCondition(string condition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(condition);
        var kwargs = Last().Kwargs;
        kwargs["row_condition"] = condition;
        kwargs["condition_parser"] = "pandas";
        return this;
    }

    /// <summary>Sets a meta entry of the expectation added last (free-form; <c>severity</c> is read by dq).</summary>
    public SuiteBuilder WithMeta(string key, object? value)
    {
        Last().Meta[key] = JsonScalars.ToNode(value);
        return this;
    }

    /// <summary>Sets a meta entry of the suite itself.</summary>
    public SuiteBuilder WithSuiteMeta(string key, object? value)
    {
        _meta[key] = JsonScalars.ToNode(value);
        return this;
    }

    /// <summary>Creates the suite, checking every expectation's kwargs.</summary>
    /// <exception cref="ConfigurationException">An expectation's kwargs are invalid; the message names it by index and type.</exception>
    public ExpectationSuite Build()
    {
        var expectations = _entries
            .Select((e, i) => ExpectationCatalog.Create(new ExpectationConfiguration(e.Type, e.Kwargs, e.Meta), $"suite `{_name}`", i))
            .ToList();
        return new ExpectationSuite(_name, expectations, _meta);
    }

    private (string Type, JsonObject Kwargs, JsonObject Meta) Last() =>
        _entries.Count > 0 ? _entries[^1] : throw new InvalidOperationException("Add an expectation before setting its options.");

    private SuiteBuilder Add(string type, params ReadOnlySpan<(string Name, object? Value)> kwargs)
    {
        var json = new JsonObject();
        foreach (var (name, value) in kwargs)
        {
            if (value is not null)
            {
                json[name] = JsonScalars.ToNode(value);
            }
        }
        _entries.Add((type, json, []));
        return this;
    }
}
