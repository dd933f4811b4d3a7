using System.Diagnostics.CodeAnalysis;
namespace Dq.Expectations.Kernels.Strftime;
internal sealed class StrftimeFormat
{
    public string Format { get; } = "";
    public static bool TryCompile(string format, [NotNullWhen(true)] out StrftimeFormat? compiled, [NotNullWhen(false)] out string? error)
    { compiled = new StrftimeFormat(); error = null; return format.Length >= 0; }
    public bool IsMatch(ReadOnlySpan<byte> utf8Value) => utf8Value.Length > 0;
}
