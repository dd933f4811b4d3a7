using System.Globalization;
using System.Text;
using System.Xml;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;

namespace Dq.Reporting;

public static partial class JunitReport
{
    private const int MaxSamples = 10;
    private const int MaxValueWidth = 200;

    /// <summary>The testcase name: the type and, when there is one, the column, as <c>type(column)</c>.</summary>
    internal static string CaseName(ExpectationResult r) =>
        r.Configuration.Column is { } column ? $"{r.Configuration.Type}({column})" : r.Configuration.Type;

    /// <summary>One line for the failure's <c>message</c> attribute: what was found.</summary>
    internal static string Message(ExpectationResult r)
    {
        if (r.ExceptionInfo is { } e)
        {
            return e.ExceptionMessage;
        }
        var d = r.Result;
        if (d?.UnexpectedCount is { } count)
        {
            var percent = d.UnexpectedPercent is { } p ? $" ({p.ToString("0.##", CultureInfo.InvariantCulture)}%)" : "";
            var samples = d.PartialUnexpectedList is { Count: > 0 } list
                ? ": " + string.Join(", ", list.Take(3).Select(Format)) + (list.Count > 3 ? ", …" : "")
                : "";
            return $"{ValueText.Count(count, "unexpected value")}{percent}{samples}";
        }
        if (d?.HasObservedValue == true)
        {
            return $"observed value {Format(d.ObservedValue)}";
        }
        return "the expectation was not met";
    }

    /// <summary>The failure's body: the expectation's kwargs and the sample of unexpected values and rows.</summary>
    private static string Details(ExpectationResult r, int index)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"expectation {index}: {r.Configuration.Type}\n");
        text.Append(CultureInfo.InvariantCulture, $"rule: {ExpectationCatalog.Describe(r.Configuration).ToPlainText()}\n");
        text.Append(CultureInfo.InvariantCulture, $"kwargs: {r.Configuration.Kwargs.ToJsonString()}\n");
        text.Append(CultureInfo.InvariantCulture, $"result: {Message(r)}\n");
        if (r.Result?.PartialUnexpectedList is { Count: > 0 } values)
        {
            text.Append("sample unexpected values: ").Append(string.Join(", ", values.Take(MaxSamples).Select(Format))).Append('\n');
        }
        if (r.Result?.PartialUnexpectedIndexList is { Count: > 0 } rows)
        {
            text.Append("at row indexes (0-based): ").Append(string.Join(", ", rows.Take(MaxSamples))).Append('\n');
        }
        return text.ToString();
    }

    private static string Format(object? value) => ValueText.Format(value, MaxValueWidth);

    /// <summary>
    /// Text that XML 1.0 can hold: characters it forbids (control characters other than tab and line breaks, lone
    /// surrogates) become <c>\uXXXX</c>, so a value taken from the data can never make the report unreadable.
    /// </summary>
    internal static string Text(string text)
    {
        if (IsXmlText(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }
        return builder.ToString();
    }

    private static bool IsXmlText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }
        return true;
    }
}
