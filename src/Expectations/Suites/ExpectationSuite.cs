using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;

namespace Dq.Expectations.Suites;

/// <summary>A named, ordered list of expectations: what one validation checks.</summary>
public sealed class ExpectationSuite
{
    /// <summary>Creates a suite.</summary>
    public ExpectationSuite(string name, IReadOnlyList<Expectation> expectations, JsonObject? meta = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(expectations);
        Name = name;
        Expectations = expectations;
        Meta = (JsonObject?)meta?.DeepClone() ?? [];
    }

    /// <summary>The suite's name (GX's <c>name</c>, or <c>expectation_suite_name</c> in 0.x files).</summary>
    public string Name { get; }

    /// <summary>The expectations, in order.</summary>
    public IReadOnlyList<Expectation> Expectations { get; }

    /// <summary>Free-form metadata.</summary>
    public JsonObject Meta { get; }

    /// <summary>Starts a suite in code.</summary>
    public static SuiteBuilder Create(string name) => new(name);
}
