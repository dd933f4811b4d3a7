using Apache.Arrow;
using Json.Schema;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// Finds text values that do not validate against a JSON Schema (JsonSchema.Net; the dialect is the schema's
/// <c>$schema</c>, 2020-12 when absent, as Python's <c>jsonschema.validate</c> picks). The schema is built once per run.
/// </summary>
/// <remarks>
/// A value that is not JSON at all is unexpected here; GX instead lets <c>json.loads</c> raise and the expectation
/// errors. Non-text columns are rejected, as GX raises on them.
/// </remarks>
internal sealed class JsonSchemaKernel : TextCheckKernel
{
    private static readonly EvaluationOptions s_options = new() { OutputFormat = OutputFormat.Flag };
    private readonly JsonSchema _schema;

    private JsonSchemaKernel(JsonSchema schema, int sampleLimit) : base(sampleLimit, NonTextValues.Reject) => _schema = schema;

    /// <exception cref="MetricPreconditionException">The column is not text, or the schema does not build.</exception>
    public static JsonSchemaKernel Create(Field field, string schema, int sampleLimit)
    {
        RequireText(field, NonTextValues.Reject, "JSON documents are read from text only");
        return new JsonSchemaKernel(Build(schema), sampleLimit);
    }

    /// <summary>Builds a schema from its JSON text.</summary>
    /// <exception cref="MetricPreconditionException">The text is not a valid schema; the message says why.</exception>
    public static JsonSchema Build(string schema)
    {
        try
        {
            return JsonSchema.FromText(schema);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            throw new MetricPreconditionException($"the JSON schema is not valid: {e.Message}");
        }
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8)
    {
        using var document = PythonJson.TryParse(utf8);
        return document is null || !_schema.Evaluate(document.RootElement, s_options).IsValid;
    }
}
