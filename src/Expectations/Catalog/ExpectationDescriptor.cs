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

    internal ExpectationDescriptor(string type, Func<ExpectationConfiguration, KwargReader, Expectation> create, Func<Wording, ExpectationSentence> describe)
    {
        Type = type;
        _create = create;
        _describe = describe;
    }

    /// <summary>The GX type name, such as <c>expect_column_values_to_be_between</c>.</summary>
    public string Type { get; }

    /// <summary>What an expectation of this type says, in words, from its kwargs (read leniently: they may come from an old result).</summary>
    public ExpectationSentence Describe(ExpectationConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _describe(new Wording(configuration));
    }

    internal Expectation Create(ExpectationConfiguration configuration, KwargReader kwargs) => _create(configuration, kwargs);
}
