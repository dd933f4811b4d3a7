using System.Globalization;
using System.Text;
using System.Xml;
using Dq.Expectations.Results;

namespace Dq.Reporting;

/// <summary>
/// Writes validation results as JUnit XML, the test-report format that GitHub Actions test reporters, AWS CodeBuild
/// reports and Jenkins read: one <c>&lt;testsuite&gt;</c> per validated asset and suite, one <c>&lt;testcase&gt;</c>
/// per expectation.
/// </summary>
/// <remarks>
/// <para>
/// A testcase is named by the expectation type and its column, such as
/// <c>type(order_id)</c>; its class name is <c>suite.asset</c>, so reporters group the
/// cases of one validation. A failed expectation of <c>error</c> severity is a <c>&lt;failure&gt;</c>; one that could
/// not be judged (a missing column, or data that could not be read) is an <c>&lt;error&gt;</c>. A failed expectation of <c>warn</c> severity is
/// <c>&lt;skipped&gt;</c> with a message starting <c>warn:</c>: reporters show it without failing the build, as the
/// gate does. Every case also carries a <c>severity</c> property.
/// </para>
/// <para>
/// The shape follows the JUnit schema Jenkins uses (junit-4.xsd). Characters that XML 1.0 cannot hold (control
/// characters from the data) are written as <c>\uXXXX</c> escapes, so any data gives a well-formed file.
/// </para>
/// </remarks>
public static partial class JunitReport
{
    /// <summary>Writes <paramref name="results"/> as one JUnit XML document to <paramref name="stream"/> (UTF-8, indented).</summary>
    /// <param name="results">The validations, one testsuite each, in order.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="name">The name of the root <c>&lt;testsuites&gt;</c> element, such as the checkpoint's name.</param>
    public static void Write(IEnumerable<ValidationResult> results, Stream stream, string name = "dq")
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var list = results.ToList();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        using var w = XmlWriter.Create(stream, settings);
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", Text(name));
        var totals = list.Select(Count).Aggregate(default(Counts), (a, b) => a + b);
        WriteCounts(w, totals);
        w.WriteAttributeString("time", Seconds(list.Sum(r => r.Run.Duration.TotalSeconds)));
        for (var i = 0; i < list.Count; i++)
        {
            WriteSuite(w, list[i], i);
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>The JUnit XML of <paramref name="results"/> as a string.</summary>
    /// <param name="results">The validations, one testsuite each, in order.</param>
    /// <param name="name">The name of the root <c>&lt;testsuites&gt;</c> element.</param>
    public static string ToXml(IEnumerable<ValidationResult> results, string name = "dq")
    {
        using var stream = new MemoryStream();
        Write(results, stream, name);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSuite(XmlWriter w, ValidationResult result, int index)
    {
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", Text($"{result.SuiteName} on {result.Run.DataAsset}"));
        WriteCounts(w, Count(result));
        w.WriteAttributeString("time", Seconds(result.Run.Duration.TotalSeconds));
        w.WriteAttributeString("timestamp", result.Run.RunTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteAttributeString("id", index.ToString(CultureInfo.InvariantCulture));
        w.WriteStartElement("properties");
        Property(w, "suite", result.SuiteName);
        Property(w, "data_asset", result.Run.DataAsset);
        Property(w, "run_id", result.Run.RunId);
        Property(w, "row_count", result.Run.RowCount.ToString(CultureInfo.InvariantCulture));
        Property(w, "success", result.Success ? "true" : "false");
        Property(w, "dq_version", result.Run.DqVersion);
        if (result.Run.ReadError is { } readError)
        {
            Property(w, "read_error", readError);
        }
        w.WriteEndElement();

        var className = Text($"{result.SuiteName}.{Path.GetFileName(result.Run.DataAsset)}");
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Results.Count; i++)
        {
            WriteCase(w, result.Results[i], i, className, used, unread: result.Run.ReadError is not null);
        }
        if (UnreadWithoutCases(result))
        {
            // An empty suite on unreadable data still must not read as "0 tests, 0 failures".
            w.WriteStartElement("testcase");
            w.WriteAttributeString("name", "read data");
            w.WriteAttributeString("classname", className);
            w.WriteAttributeString("time", "0");
            w.WriteStartElement("error");
            w.WriteAttributeString("message", Text(result.Run.ReadError!));
            w.WriteAttributeString("type", "data_unreadable");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static bool UnreadWithoutCases(ValidationResult result) => result.Run.ReadError is not null && result.Results.Count == 0;

    private static void WriteCase(XmlWriter w, ExpectationResult r, int index, string className, HashSet<string> used, bool unread)
    {
        var name = CaseName(r);
        if (!used.Add(name))
        {
            // Two expectations of one type on one column (different kwargs) would merge in reporters that key on the name.
            name = $"{name} #{index}";
            used.Add(name);
        }
        w.WriteStartElement("testcase");
        w.WriteAttributeString("name", Text(name));
        w.WriteAttributeString("classname", className);
        w.WriteAttributeString("time", "0");
        if (!r.Success)
        {
            var message = Text(Message(r));
            // Unread data fails the validation whatever the severity: a warn expectation on it is an error, not skipped.
            var element = unread || (r.ExceptionInfo is not null && r.Severity == Severity.Error) ? "error" : r.Severity == Severity.Warn ? "skipped" : "failure";
            w.WriteStartElement(element);
            w.WriteAttributeString("message", element == "skipped" ? "warn: " + message : message);
            if (element != "skipped")
            {
                w.WriteAttributeString("type", r.Configuration.Type);
                w.WriteString(Text(Details(r, index)));
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Property(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", Text(value));
        w.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter w, Counts c)
    {
        w.WriteAttributeString("tests", c.Tests.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", c.Failures.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", c.Errors.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("skipped", c.Skipped.ToString(CultureInfo.InvariantCulture));
    }

    private static Counts Count(ValidationResult result)
    {
        var failed = result.Results.Where(r => !r.Success).ToList();
        if (result.Run.ReadError is not null)
        {
            var cases = Math.Max(1, result.Results.Count);
            return new Counts(cases, 0, cases, 0);
        }
        var warned = failed.Count(r => r.Severity == Severity.Warn);
        var errors = failed.Count(r => r.Severity == Severity.Error && r.ExceptionInfo is not null);
        return new Counts(result.Results.Count, failed.Count - warned - errors, errors, warned);
    }

    private static string Seconds(double seconds) => Math.Round(seconds, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private readonly record struct Counts(int Tests, int Failures, int Errors, int Skipped)
    {
        public static Counts operator +(Counts a, Counts b) =>
            new(a.Tests + b.Tests, a.Failures + b.Failures, a.Errors + b.Errors, a.Skipped + b.Skipped);
    }
}
