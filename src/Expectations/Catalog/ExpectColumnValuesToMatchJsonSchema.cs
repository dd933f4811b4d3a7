using System.Text.Json.Nodes;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_match_json_schema</c>: every non-null text value is JSON that validates against
/// <c>json_schema</c> (JSON Schema; the dialect is the schema's <c>$schema</c>, draft 2020-12 when absent).
/// </summary>
/// <remarks>
/// The schema is checked when the suite loads. A value that is not JSON at all is unexpected (GX raises instead);
/// <c>format</c> keywords are annotations only, as in Python's <c>jsonschema</c>. A non-text column is an error result.
/// </remarks>
public sealed class ExpectColumnValuesToMatchJsonSchema : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_match_json_schema";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToMatchJsonSchema(c, k),
        static d => d.Sentence("values in {column} must be JSON matching the schema {json_schema}"));

    internal ExpectColumnValuesToMatchJsonSchema(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        // A schema is an object, or true/false (accept all / nothing).
        var node = kwargs.Node("json_schema");
        if (!(node is JsonObject || (node is JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)))
        {
            throw kwargs.Error("json_schema", "is missing or not a JSON object", "give the schema as a JSON object, such as {\"type\": \"object\", \"required\": [\"id\"]}");
        }
        Schema = node!.ToJsonString();
        try
        {
            JsonSchemaKernel.Build(Schema);
        }
        catch (MetricPreconditionException e)
        {
            throw kwargs.Error("json_schema", $"cannot be used: {e.Message}", "fix the schema so that it follows the JSON Schema specification");
        }
        kwargs.RejectUnknown();
    }

    /// <summary>The schema, as JSON text.</summary>
    public string Schema { get; }

    private protected override MetricKey UnexpectedKey => new JsonSchemaKey(Column, Schema);
}
