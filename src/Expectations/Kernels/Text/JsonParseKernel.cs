using Apache.Arrow;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// Finds values that are not a JSON document under Python's <c>json.loads</c> rules. Values of a non-text column
/// are never parseable: GX passes the number itself to <c>json.loads</c>, which raises, and counts that as unexpected.
/// </summary>
internal sealed class JsonParseKernel : TextCheckKernel
{
    private JsonParseKernel(int sampleLimit) : base(sampleLimit, NonTextValues.Unexpected) { }

    public static JsonParseKernel Create(Field field, int sampleLimit)
    {
        _ = field;
        return new JsonParseKernel(sampleLimit);
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8) => !PythonJson.IsValid(utf8);
}
