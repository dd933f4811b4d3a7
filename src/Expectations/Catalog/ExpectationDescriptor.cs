using Dq.Expectations.Catalog.Descriptions;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// One row of the catalogue: an expectation type's GX name, how to create it from kwargs, and how to say what it
/// means. Each expectation class declares its own descriptor beside its kwargs and judgement.
/// </summary>
public sealed class ExpectationDescriptor
{
    private readonly Func<ExpectationConfiguration, KwargReader, Expectation> _create;
    private readonly Func<Wording, ExpectationSentence> _describe;
    private readonly Func<Wording, ResultDetails, string?>? _outcome;

    internal ExpectationDescriptor(string type, Func<ExpectationConfiguration, KwargReader, Expectation> create, Func<Wording, ExpectationSentence> describe,
        Func<Wording, ResultDetails, string?>? outcome = null)
    {
        Type = type;
        _create = create;
        _describe = describe;
        _outcome = outcome;
    }

    /// <summary>The GX type name, such as <c>expect_column_values_to_be_between</c>.</summary>
    public string Type { get; }

    /// <summary>What an expectation of this type says, in words, from its kwargs (read leniently: they may come from an old result).</summary>
    public ExpectationSentence Describe(ExpectationConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _describe(new Wording(configuration));
    }

    /// <summary>
    /// What a judged result of this type found, in one line, for types that measure one value against bounds
    /// (<c>accuracy 0.74 is below 0.8 (on 20,000 rows)</c>); null when the type has no such line or the result has no details.
    /// </summary>
    public string? DescribeOutcome(ExpectationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _outcome is null || result.Result is null || result.ExceptionInfo is not null ? null : _outcome(new Wording(result.Configuration), result.Result);
    }

    internal Expectation Create(ExpectationConfiguration configuration, KwargReader kwargs) => _create(configuration, kwargs);
}
